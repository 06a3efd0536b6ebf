package org.ethnicunity.platform.contract;

/**
 * The variables several processes carry about the same things: the unit and its title, the region,
 * the campaign, the launch. Declared once here so that each has one name and one type in every
 * process; a process contract lists the ones it uses as its own fields
 * ({@code public static final Variable<Long> DESIGNATION_ID = Subject.DESIGNATION_ID;}).
 */
public final class Subject {

    /** The registry's record of a title (命名记录). */
    public static final Variable<Long> DESIGNATION_ID = Variable.id("designationId", "命名记录编号");
    public static final Variable<Long> UNIT_ID = Variable.id("unitId", "单位编号");
    public static final Variable<String> UNIT_NAME = Variable.text("unitName", "单位", 200);
    /** The user id of the unit's contact, who does the unit's tasks. */
    public static final Variable<String> UNIT_CONTACT = Variable.text("unitContact", "单位联系人", 64);
    /** The unit's region (6, 9 or 12 digits, GB/T 2260 and the statistics bureau's codes). */
    public static final Variable<String> REGION_CODE = Variable.text("regionCode", "行政区划代码", 12);
    /** The region of the commission that granted the title and decides on it. */
    public static final Variable<String> GRANTING_REGION_CODE = Variable.text("grantingRegionCode", "命名机关所在地区", 12);
    /** The title's level as officials write it (旗县级 …). */
    public static final Variable<String> LEVEL_LABEL = Variable.text("levelLabel", "称号级别", 50);
    public static final Variable<String> NAMING_DOCUMENT_NUMBER = Variable.text("namingDocumentNumber", "命名文号", 100);
    public static final Variable<Long> CAMPAIGN_ID = Variable.id("campaignId", "评选批次记录号");
    public static final Variable<String> CAMPAIGN_CODE = Variable.text("campaignCode", "评选批次编号", 64);
    public static final Variable<String> CAMPAIGN_NAME = Variable.text("campaignName", "评选批次", 200);
    /** The launch (批量发起) that started this instance, if any. */
    public static final Variable<Long> LAUNCH_ID = Variable.id("launchId", "批量发起编号");
    public static final Variable<Long> INDICATOR_SET_ID = Variable.id("indicatorSetId", "测评指标体系编号");

    private Subject() {
    }
}
