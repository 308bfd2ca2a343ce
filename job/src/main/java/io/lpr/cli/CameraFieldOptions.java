package io.lpr.cli;

import io.lpr.camera.CameraField;
import io.lpr.camera.FieldKind;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code cameras add}'s setting options, one {@code --KEY} per {@link CameraField}, made from the schema when
 * picocli builds the command: a new field is a new option, with its help, and nothing here changes.
 */
public final class CameraFieldOptions implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec command) {
        for (CameraField field : CameraField.values()) {
            OptionSpec.Builder option = OptionSpec.builder(name(field))
                    .type(String.class)
                    .paramLabel(field.kind().label())
                    .description(field.description());
            if (field.kind() == FieldKind.BOOLEAN) {
                // --realtime alone means true; --enabled=false says the opposite.
                option.arity("0..1").fallbackValue("true");
            }
            command.addOption(option.build());
        }
        return command;
    }

    /**
     * The settings given on the command line.
     *
     * @throws IllegalArgumentException {@code KEY must be ..., got '...'}
     */
    static Map<CameraField, Object> given(CommandSpec command) {
        Map<CameraField, Object> given = new EnumMap<>(CameraField.class);
        for (CameraField field : CameraField.values()) {
            String text = command.findOption(name(field)).getValue();
            if (text != null) {
                given.put(field, field.parse(text));
            }
        }
        return given;
    }

    private static String name(CameraField field) {
        return "--" + field.key();
    }
}
