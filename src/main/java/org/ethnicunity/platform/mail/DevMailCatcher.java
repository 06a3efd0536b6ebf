package org.ethnicunity.platform.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The demo's own mail catcher: a real SMTP server (GreenMail) on a free loopback port inside the
 * application, so that a newcomer running the dev profile without Mailpit still sees every notice
 * (on {@code /dev/mails}) and the outbox has a server to hand its mails to. Only the newest
 * {@code maxMails} are kept, in memory: a long-running demo cannot fill the heap, and a restart
 * empties it.
 */
public class DevMailCatcher {

    static final String HOST = "127.0.0.1";

    private final GreenMail server;
    private final int maxMails;
    private final Clock clock;
    /** Newest first. */
    private final Deque<CaughtMail> mails = new ArrayDeque<>();
    private long lastNumber;

    public DevMailCatcher(int maxMails, Clock clock) {
        if (maxMails < 1) {
            throw new IllegalArgumentException("app.mail.catcher.max-mails 至少为 1 / must be at least 1: " + maxMails);
        }
        this.maxMails = maxMails;
        this.clock = clock;
        // Port 0: the operating system picks a free port, so two demos (or a demo and a build) never collide.
        this.server = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public void start() {
        // GreenMail would keep every mail in a mailbox per recipient, without limit: deliver to ours instead.
        server.getUserManager().setMessageDeliveryHandler((message, address) -> new Recipient(address.getEmail()));
        server.start();
    }

    public void stop() {
        server.stop();
    }

    public String host() {
        return HOST;
    }

    /** The port the SMTP server listens on; known once started. */
    public int port() {
        return server.getSmtp().getPort();
    }

    public int maxMails() {
        return maxMails;
    }

    /** The kept mails, newest first. */
    public synchronized List<CaughtMail> mails() {
        return List.copyOf(mails);
    }

    public synchronized Optional<CaughtMail> mail(long number) {
        return mails.stream().filter(m -> m.number() == number).findFirst();
    }

    private synchronized void keep(String recipient, MimeMessage message) {
        mails.addFirst(CaughtMail.read(++lastNumber, clock.instant(), recipient, message));
        while (mails.size() > maxMails) {
            mails.removeLast();
        }
    }

    /**
     * One recipient of a mail as GreenMail sees it: exists only to receive (never logs in, is never
     * registered with GreenMail's users), so everything but delivery does nothing.
     */
    private final class Recipient implements GreenMailUser {

        private final String email;

        Recipient(String email) {
            this.email = email;
        }

        @Override
        public void deliver(MovingMessage message) {
            keep(email, message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            keep(email, message);
        }

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void create() {
            // Nothing to create: the mail goes to the catcher's list.
        }

        @Override
        public void delete() {
            // Nothing to delete: see create().
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // Authentication is disabled: there is no password to keep.
        }

        @Override
        public void authenticate(String password) {
            // Authentication is disabled: everybody may deliver.
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
