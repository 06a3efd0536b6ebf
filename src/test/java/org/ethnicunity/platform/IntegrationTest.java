package org.ethnicunity.platform;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application: the engine on embedded PostgreSQL, the demo
 * data, a real SMTP server (GreenMail on a free loopback port) and the HTTP port, on the pinned
 * {@link TestClock}. One Spring context serves every such test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
public abstract class IntegrationTest {

    static {
        // Before the Spring context (and its demo data) starts: the suite never runs on today's date.
        TestClock.pin();
    }

    /** One free loopback port per test JVM, so parallel builds on one machine do not collide. */
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    protected ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        TestClock.pin();
        BpmnAwareTests.init(engine);
        engine.getIdentityService().clearAuthentication();
    }

    /**
     * A user with an e-mail address ({@code id@test.example}) and the password {@code secret-id}, member
     * of the group; user, group and membership are created when missing. Returns the id.
     */
    protected String member(String id, String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("");
            user.setEmail(id + "@test.example");
            user.setPassword("secret-" + id);
            identity.saveUser(user);
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group created = identity.newGroup(group);
            created.setName(group);
            identity.saveGroup(created);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
        return id;
    }

    /**
     * What an administrator grants a group created after start-up so that its members may start a
     * process (docs/security.md: start grants are given to existing groups at start).
     */
    protected void grantStart(String group, String processKey) {
        var authorizations = engine.getAuthorizationService();
        for (var grant : List.of(java.util.Map.entry(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, processKey),
                java.util.Map.entry(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE, "*"))) {
            if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(grant.getKey())
                    .resourceId(grant.getValue()).count() == 0) {
                var auth = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
                auth.setGroupId(group);
                auth.setResource(grant.getKey());
                auth.setResourceId(grant.getValue());
                auth.addPermission(grant.getKey() == org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION
                        ? org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE
                        : org.camunda.bpm.engine.authorization.Permissions.CREATE);
                authorizations.saveAuthorization(auth);
            }
        }
    }

    /** A received mail as subject, recipient and its plain-text and HTML parts. */
    public record Mail(String to, String subject, String text, String html) {
    }

    protected static List<Mail> mails() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(IntegrationTest::read).toList();
    }

    protected static List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().equals(address)).toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collect(message.getContent(), parts);
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), parts[0], parts[1]);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    /** Walks the MIME tree for the text/plain (parts[0]) and text/html (parts[1]) bodies. */
    private static void collect(Object content, String[] parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    parts[0] = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    parts[1] = (String) part.getContent();
                } else {
                    collect(part.getContent(), parts);
                }
            }
        }
    }
}
