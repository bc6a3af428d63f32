package io.nautilus.bus.redis;

/**
 * The stream layout in Redis. A topic goes to {@code <prefix>:<first token>} ({@code md.quote.AAPL} to
 * {@code nautilus:md}); entries that could not be handled go to {@code <prefix>:dlq}. Replies to requests from
 * another process travel on {@code _reply.<node>.<engine>.<n>} topics and go to that process's own reply stream
 * {@code <prefix>:_reply:<node>}: the requester's local inbox topic {@code _inbox.<engine>.<n>} is rewritten on
 * export, so a reply reaches the one process that asked (even when replicas of the same engine ask at once) and
 * never a local inbox of the responder's process. Immutable and thread-safe.
 */
public final class StreamKeys {
    /** Local reply topics of the in-process bus (never exported as such). */
    static final String INBOX = "_inbox.";
    /** Reply topics on the wire: {@code _reply.<node>.<engine>.<n>}. */
    static final String REPLY = "_reply.";

    private final String prefix;

    public StreamKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The stream a topic is appended to. */
    public String stream(String topic) {
        if (topic.startsWith(REPLY)) {
            int end = topic.indexOf('.', REPLY.length());
            return replies(topic.substring(REPLY.length(), end < 0 ? topic.length() : end));
        }
        int dot = topic.indexOf('.');
        return prefix + ':' + (dot < 0 ? topic : topic.substring(0, dot));
    }

    /** The stream of a first topic token (what a subscription pattern starting with that token imports). */
    public String streamOfToken(String firstToken) {
        return prefix + ':' + firstToken;
    }

    /** The dead-letter stream. */
    public String deadLetters() {
        return prefix + ":dlq";
    }

    /** The reply stream of one process. */
    public String replies(String node) {
        return prefix + ":_reply:" + node;
    }

    /** Key pattern of every stream under the prefix (for SCAN). */
    public String all() {
        return prefix + ":*";
    }

    /** True for streams that never carry ordinary topics (dead letters, reply streams). */
    public boolean isInternal(String key) {
        return key.equals(deadLetters()) || key.startsWith(prefix + ":_reply:");
    }

    /** The wire reply topic of a local inbox topic: {@code _inbox.risk.7} of node n1 is {@code _reply.n1.risk.7}. */
    public static String wireReplyTo(String node, String inboxTopic) {
        return REPLY + node + '.' + inboxTopic.substring(INBOX.length());
    }

    /** The local inbox topic of a wire reply topic ({@code _reply.n1.risk.7} is {@code _inbox.risk.7}). */
    public static String localInbox(String replyTopic) {
        int end = replyTopic.indexOf('.', REPLY.length());
        return INBOX + replyTopic.substring(end + 1);
    }

    /** True if a NATS-style pattern ({@code *} one token, {@code >} the rest) matches a concrete topic. */
    public static boolean matches(String pattern, String topic) {
        int p = 0;
        int t = 0;
        while (true) {
            int pEnd = end(pattern, p);
            if (pEnd - p == 1 && pattern.charAt(p) == '>') {
                return true; // the loop only gets here while the topic has a token left
            }
            int tEnd = end(topic, t);
            boolean star = pEnd - p == 1 && pattern.charAt(p) == '*';
            if (!star && (pEnd - p != tEnd - t || !pattern.regionMatches(p, topic, t, pEnd - p))) {
                return false;
            }
            boolean patternDone = pEnd >= pattern.length();
            boolean topicDone = tEnd >= topic.length();
            if (patternDone || topicDone) {
                return patternDone && topicDone;
            }
            p = pEnd + 1;
            t = tEnd + 1;
        }
    }

    private static int end(String s, int from) {
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }
}
