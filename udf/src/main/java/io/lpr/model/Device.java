package io.lpr.model;

import ai.djl.engine.Engine;

/** Where a model runs. Settings spell it {@code cpu} or {@code gpu}, in any case. */
public enum Device {
    CPU,
    GPU;

    /**
     * DJL's device for this one on the given engine.
     *
     * @param what the model, for the message
     * @throws ModelException when a GPU is asked for and the engine sees none
     */
    public ai.djl.Device djl(String engine, String what) {
        if (this == CPU) {
            return ai.djl.Device.cpu();
        }
        if (Engine.getEngine(engine).getGpuCount() == 0) {
            throw new ModelException(what + " device is gpu, but the " + engine + " engine sees no GPU"
                    + " (is its CUDA build installed?): use cpu");
        }
        return ai.djl.Device.gpu();
    }

    /** As settings spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
