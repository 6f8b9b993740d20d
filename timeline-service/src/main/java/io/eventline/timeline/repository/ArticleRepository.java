package io.eventline.timeline.repository;

import io.eventline.timeline.Article;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /**
     * Reads the article and locks its row until the transaction ends, so two consumers briefly
     * holding the same partition during a rebalance cannot interleave two versions of it.
     */
    public Optional<Article> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
