package io.lpr.detect;

import io.lpr.event.Box;

/** A plate box in the pixel coordinates of the frame it was found in, with the detector's confidence (0..1). */
public record Detection(Box box, float score) {}
