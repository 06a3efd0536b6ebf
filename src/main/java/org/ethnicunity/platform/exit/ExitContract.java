package org.ethnicunity.platform.exit;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;

/**
 * The exit's variables ({@code bpmn/exit.bpmn}, forms {@code exit-*}): what it starts with
 * ({@link ExitStart}), what its first step records about the title, the three task forms, and what
 * its closing steps leave for Cockpit and the mails.
 */
public final class ExitContract implements ProcessContract {

    // The title and its unit, recorded by the first step (OpenExit).
    public static final Variable<Long> DESIGNATION_ID = Subject.DESIGNATION_ID;
    public static final Variable<Long> UNIT_ID = Subject.UNIT_ID;
    public static final Variable<String> UNIT_NAME = Subject.UNIT_NAME;
    public static final Variable<String> UNIT_CONTACT = Subject.UNIT_CONTACT;
    public static final Variable<String> REGION_CODE = Subject.REGION_CODE;
    public static final Variable<String> GRANTING_REGION_CODE = Subject.GRANTING_REGION_CODE;
    public static final Variable<String> LEVEL_LABEL = Subject.LEVEL_LABEL;
    public static final Variable<String> NAMING_DOCUMENT_NUMBER = Subject.NAMING_DOCUMENT_NUMBER;

    // The start (form exit-start, or a hand-over).
    public static final Variable<ExitGrounds> EXIT_GROUNDS = ExitStart.EXIT_GROUNDS;
    public static final Variable<String> EXIT_GROUNDS_DETAIL = ExitStart.EXIT_GROUNDS_DETAIL;
    public static final Variable<String> ANNUAL_REVIEW_INSTANCE_ID = ExitStart.ANNUAL_REVIEW_INSTANCE_ID;
    /** Who started it (camunda:initiator), absent when the platform did. */
    public static final Variable<String> EXIT_INITIATOR = Variable.text("exitInitiator", "发起人", 64);

    // Recorded by the first step.
    public static final Variable<String> EXIT_GROUNDS_LABEL = Variable.text("exitGroundsLabel", "退出事由");
    public static final Variable<String> EXIT_STARTED_BY = Variable.text("exitStartedBy", "发起人", 64);
    /** The instances a veto event ended (the application or the re-inspection), comma-separated. */
    public static final Variable<String> VETO_ENDED_INSTANCES = Variable.text("vetoEndedInstances", "因一票否决结束的流程");
    /** False when the veto event ended an application: there is no title to revoke. */
    public static final Variable<Boolean> EXIT_OPENED = Variable.flag("exitOpened", "持有称号");

    // 核实退出事由 (form exit-verification).
    public static final Variable<GroundsVerdict> GROUNDS_CONFIRMED = Variable.choice("groundsConfirmed", "核实结论", GroundsVerdict.class);
    public static final Variable<String> VERIFICATION_COMMENT = Variable.text("verificationComment", "核实情况");

    // 书面告知 and 陈述申辩 (form exit-statement).
    /** False for a dissolved unit: nobody is left to state its case. */
    public static final Variable<Boolean> STATEMENT_OFFERED = Variable.flag("statementOffered", "给予陈述申辩");
    /** The end of the statement window: the task's due date and its timer. */
    public static final Variable<Date> STATEMENT_DUE = Variable.moment("statementDue", "陈述申辩期限");
    public static final Variable<Boolean> STATEMENT_GIVEN = Variable.flag("statementGiven", "已陈述申辩");
    public static final Variable<String> STATEMENT_TEXT = Variable.text("statementText", "陈述申辩意见");
    public static final Variable<String> STATEMENT_ATTACHMENTS = Variable.text("statementAttachments", "证明材料（链接或说明）");

    // 领导小组决定 (form exit-decision); the label is the task's name, as the messages have always said.
    public static final Variable<ExitDecision> EXIT_DECISION = Variable.choice("exitDecision", "领导小组决定", ExitDecision.class);
    public static final Variable<String> DECISION_COMMENT = Variable.text("decisionComment", "决定理由");
    public static final Variable<String> REVOCATION_DOCUMENT_NUMBER = Variable.text("revocationDocumentNumber", "撤销命名文号", 100);
    public static final Variable<LocalDate> REVOCATION_DOCUMENT_DATE = Variable.date("revocationDocumentDate", "发文日期");

    // What the closing step leaves.
    /** NOT_CONFIRMED, WARNED, REVOKED or RECTIFY; the closing steps take it as their input too. */
    public static final Variable<ProcedureOutcome> OUTCOME = Variable.choice("outcome", "退出程序结果", ProcedureOutcome.class);
    public static final Variable<LocalDate> LOCKOUT_ENDS = Variable.date("lockoutEnds", "不得再次申报至");
    /** The re-inspection a rectification order started. */
    public static final Variable<String> RECTIFICATION_INSTANCE_ID = Variable.text("rectificationInstanceId", "整改复查流程", 64);

    @Override
    public List<String> processKeys() {
        return List.of(ExitStart.PROCESS_KEY);
    }
}
