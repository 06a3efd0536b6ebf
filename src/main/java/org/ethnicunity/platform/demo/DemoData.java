package org.ethnicunity.platform.demo;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users, groups, units and campaigns for trying the system out: dev profile only, created once
 * (skipped when units exist). Every demo user's password is {@value #PASSWORD}.
 */
@Component
@Profile("dev")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String TOWNSHIP = "150525200";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoUser(String id, String name, String group, String groupName) {
    }

    /**
     * 150525 奈曼旗, 150522 科尔沁左翼后旗, 150500 通辽市; 150525200 a township (苏木) of 奈曼旗 with
     * preliminary reviewers of its own, its code ending in "00" like many townships' (a demo code: check
     * real ones against the current 统计用区划代码).
     */
    private static final List<DemoUser> USERS = List.of(
            new DemoUser("unit1", "王丽（奈曼旗第一中学）", Roles.UNIT_CONTACTS, "申报单位联系人"),
            new DemoUser("unit2", "李强（大沁他拉街道团结社区）", Roles.UNIT_CONTACTS, "申报单位联系人"),
            new DemoUser("unit3", "包海军（甘旗卡第二小学）", Roles.UNIT_CONTACTS, "申报单位联系人"),
            new DemoUser("unit4", "阿荣（固日班花苏木中心学校）", Roles.UNIT_CONTACTS, "申报单位联系人"),
            new DemoUser("prelim1", "赵敏（奈曼旗属地初审）", "prelim-150525", "奈曼旗 属地/主管部门初审"),
            new DemoUser("prelim2", "宝音（科左后旗属地初审）", "prelim-150522", "科左后旗 属地/主管部门初审"),
            new DemoUser("prelim3", "其木格（固日班花苏木属地初审）", "prelim-" + DemoData.TOWNSHIP, "奈曼旗固日班花苏木 属地初审"),
            new DemoUser("commission1", "刘洋（奈曼旗民委创建办）", "commission-150525", "奈曼旗民委（创建办）"),
            new DemoUser("assessor1", "陈静（测评专家）", "assessor-150525", "奈曼旗测评专家组"),
            new DemoUser("assessor2", "乌云（测评专家）", "assessor-150525", "奈曼旗测评专家组"),
            new DemoUser("leader1", "张伟（创建工作领导小组）", "leading-150525", "奈曼旗创建工作领导小组"),
            new DemoUser("supervisor1", "孙红（监督检查）", "supervision-150525", "奈曼旗监督检查"),
            new DemoUser("supervisor2", "巴特尔（通辽市监督检查）", "supervision-150500", "通辽市监督检查"),
            new DemoUser("commission2", "其其格（科左后旗民委创建办）", "commission-150522", "科左后旗民委（创建办）"),
            new DemoUser("commission3", "高峰（通辽市民委创建办）", "commission-150500", "通辽市民委（创建办）"));

    private final IdentityService identity;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final DesignationRepository designations;
    private final IndicatorSetRepository indicatorSets;
    private final BusinessClock clock;
    private final DemoTitles titles;

    DemoData(IdentityService identity, UnitRepository units, CampaignRepository campaigns,
             DesignationRepository designations, IndicatorSetRepository indicatorSets, BusinessClock clock,
             DemoTitles titles) {
        this.titles = titles;
        this.identity = identity;
        this.units = units;
        this.campaigns = campaigns;
        this.designations = designations;
        this.indicatorSets = indicatorSets;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!units.findAll().isEmpty()) {
            return;
        }
        USERS.forEach(this::user);
        units.insert(new Unit(null, "奈曼旗第一中学", UnitType.SCHOOL, "150525", "unit1", "王丽", "unit1@demo.example"));
        Unit community = units.insert(new Unit(null, "大沁他拉街道团结社区", UnitType.COMMUNITY, "150525", "unit2", "李强",
                "unit2@demo.example"));
        units.insert(new Unit(null, "甘旗卡第二小学", UnitType.SCHOOL, "150522", "unit3", "包海军", "unit3@demo.example"));
        // Its applications are reviewed by prelim3 (the township's group), not prelim1 (the banner's).
        units.insert(new Unit(null, "固日班花苏木中心学校", UnitType.SCHOOL, TOWNSHIP, "unit4", "阿荣", "unit4@demo.example"));

        int year = clock.today().getYear();
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        long banner = indicatorSets.latestId("IM-TRIAL").orElseThrow();
        campaigns.insert(new Campaign(null, year + "-BANNER-150525", "奈曼旗" + year + "年度旗级民族团结进步示范单位评选",
                Level.BANNER, year, "150525", start, end, 30, indicatorSetFor(Level.BANNER, banner)));
        campaigns.insert(new Campaign(null, year + "-BANNER-150522", "科左后旗" + year + "年度旗级民族团结进步示范单位评选",
                Level.BANNER, year, "150522", start, end, 30, indicatorSetFor(Level.BANNER, banner)));
        campaigns.insert(new Campaign(null, year + "-CITY-150500", "通辽市" + year + "年度市级民族团结进步示范单位评选",
                Level.CITY, year, "150500", start, end, 10, indicatorSetFor(Level.CITY, banner)));

        // The community already holds the banner title, so it may apply at city level.
        long named = designations.insert(community.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        designations.recordNaming(named, LocalDate.of(year - 2, 9, 1), "奈民创办发〔" + (year - 2) + "〕8号",
                LocalDate.of(year + 3, 9, 1), false);
        designations.insertEvent(named, null, DesignationStatus.NAMED, "admin", "演示数据：导入历史命名", null, clock.now());
        int bulk = titles.create();
        log.info("Demo data created: {} users (password '{}'), {} units, 3 campaigns, {} named titles", USERS.size(),
                PASSWORD, 4 + bulk, 1 + bulk + (bulk + 4) / 5);
    }

    private long indicatorSetFor(Level level, long fallback) {
        return indicatorSets.ids().stream().filter(id -> indicatorSets.find(id).orElseThrow().level().equals(level.name()))
                .reduce((a, b) -> b).orElse(fallback);
    }

    private void user(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.name());
            user.setLastName("");
            user.setEmail(demo.id() + "@demo.example");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createGroupQuery().groupId(demo.group()).count() == 0) {
            Group group = identity.newGroup(demo.group());
            group.setName(demo.groupName());
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        identity.createMembership(demo.id(), demo.group());
    }
}
