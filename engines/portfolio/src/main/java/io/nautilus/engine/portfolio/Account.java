package io.nautilus.engine.portfolio;

import io.nautilus.core.model.Checks;
import io.nautilus.core.model.Topics;
import io.nautilus.engine.portfolio.position.Book;

/**
 * A portfolio on the {@link PortfolioDesk}: its settings, its book and the topics it publishes on. Mutable and
 * ring-confined like the desk.
 */
final class Account {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Account.class);

    final PortfolioInfo info;
    final Book book;
    final String fillTopic;
    final String positionTopic;
    /** Null for a portfolio stored before ids were checked whose id cannot name a topic: it has no state. */
    final String stateTopic;
    /** The book changed in the current batch: its state is published at the batch's commit. */
    boolean changed;

    Account(PortfolioInfo info) {
        this.info = info;
        this.book = new Book(info.cashBalance());
        this.fillTopic = Topics.fill(info.portfolioId());
        this.positionTopic = Topics.position(info.portfolioId());
        this.stateTopic = validId(info.portfolioId()) ? Topics.portfolioState(info.portfolioId()) : null;
    }

    private static boolean validId(String id) {
        try {
            Checks.id("portfolio_id", id);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("portfolio stored with an id that is not a valid id ({}): it gets no portfolio.state", e.getMessage());
            return false;
        }
    }
}
