package io.lpr.detect;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Regions of one BGR frame to run through the detector in one forward call. */
record TileBatch(Mat frame, List<Tiler.Tile> regions) {}
