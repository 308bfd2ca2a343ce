package io.lpr.stills;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lpr.event.Box;
import io.lpr.event.PlateRead;

/**
 * The plates of one image as {@code lpr recognize} prints them and {@code POST /api/recognize} answers them: one
 * object per plate found, its box in the image's own pixels.
 */
public final class PlatesJson {
    private PlatesJson() {}

    /** @param imageWidth the image's own width, which the reads' boxes are scaled to from the analysed frame's */
    public static ArrayNode of(StillImageReader.Result found, int imageWidth, int imageHeight) {
        float sx = imageWidth / (float) found.width();
        float sy = imageHeight / (float) found.height();
        ArrayNode plates = JsonNodeFactory.instance.arrayNode();
        for (PlateRead read : found.reads()) {
            Box box = read.candidate.box.scaled(sx, sy);
            ObjectNode plate = plates.addObject();
            plate.putArray("box").add(box.x1).add(box.y1).add(box.x2).add(box.y2);
            plate.put("score", read.candidate.score);
            plate.put("text", read.text);
            plate.put("confidence", read.confidence);
            plate.put("greedyText", read.greedyText);
            plate.put("textScore", read.textScore);
        }
        return plates;
    }
}
