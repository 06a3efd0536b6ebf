package org.ethnicunity.platform.launcher;

/** Where a launch stands (registry.launch.state). */
public enum LaunchState {
    RUNNING("发起中"), DONE("已发起"), CANCELLED("已取消");

    private final String label;

    LaunchState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
