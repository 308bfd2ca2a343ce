package io.lpr.watch;

/**
 * What the alert operator keeps per passage that has raised an alert: until when it was seen and which
 * entries it has raised, so it raises each only once. A POJO for Flink's keyed state.
 */
public class PassageAlerts {
    public long lastSeen;
    public String[] entries = new String[0];

    public PassageAlerts() {}

    public boolean raised(String entry) {
        for (String e : entries) {
            if (e.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
