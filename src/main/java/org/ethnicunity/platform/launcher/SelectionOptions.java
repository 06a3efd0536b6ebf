package org.ethnicunity.platform.launcher;

import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;

/**
 * The registry's levels, unit types and designation states as options of the launch's start form
 * (its selection filters). The labels are the registry's own, read from its enums, not written again;
 * these exist only because the registry's enums are not {@link Option}s yet: once they are, the
 * contract can name them directly and this class goes.
 */
public final class SelectionOptions {

    private SelectionOptions() {
    }

    public enum LevelOption implements Option {
        BANNER(Level.BANNER), CITY(Level.CITY), REGION(Level.REGION), NATIONAL(Level.NATIONAL);

        private final Level level;

        LevelOption(Level level) {
            this.level = level;
        }

        public Level level() {
            return level;
        }

        @Override
        public String label() {
            return level.label();
        }

        static LevelOption of(Level level) {
            return valueOf(level.name());
        }
    }

    public enum UnitTypeOption implements Option {
        AGENCY(UnitType.AGENCY), ENTERPRISE(UnitType.ENTERPRISE), SCHOOL(UnitType.SCHOOL), COMMUNITY(UnitType.COMMUNITY),
        TOWNSHIP(UnitType.TOWNSHIP), COMPANY(UnitType.COMPANY), RELIGIOUS_SITE(UnitType.RELIGIOUS_SITE),
        ONLINE(UnitType.ONLINE), NEW_ECONOMIC_ORG(UnitType.NEW_ECONOMIC_ORG), NEW_SOCIAL_ORG(UnitType.NEW_SOCIAL_ORG),
        COUNTY(UnitType.COUNTY), OTHER(UnitType.OTHER);

        private final UnitType type;

        UnitTypeOption(UnitType type) {
            this.type = type;
        }

        public UnitType unitType() {
            return type;
        }

        @Override
        public String label() {
            return type.label();
        }

        static UnitTypeOption of(UnitType type) {
            return valueOf(type.name());
        }
    }

    /** Every state: the form offers the holding ones, the API may name any (a launch over an empty selection is refused). */
    public enum StatusOption implements Option {
        CULTIVATING(DesignationStatus.CULTIVATING), APPLYING(DesignationStatus.APPLYING),
        UNDER_REVIEW(DesignationStatus.UNDER_REVIEW), IN_NOTICE(DesignationStatus.IN_NOTICE), NAMED(DesignationStatus.NAMED),
        UNDER_REINSPECTION(DesignationStatus.UNDER_REINSPECTION), RECTIFYING(DesignationStatus.RECTIFYING),
        IN_EXIT(DesignationStatus.IN_EXIT), REVOKED(DesignationStatus.REVOKED), EXPIRED(DesignationStatus.EXPIRED),
        DECLINED(DesignationStatus.DECLINED);

        private final DesignationStatus status;

        StatusOption(DesignationStatus status) {
            this.status = status;
        }

        public DesignationStatus status() {
            return status;
        }

        @Override
        public String label() {
            return status.label();
        }

        static StatusOption of(DesignationStatus status) {
            return valueOf(status.name());
        }
    }
}
