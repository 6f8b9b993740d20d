package io.eventline.timeline;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the database holds for some articles, row by row: to show that nothing was applied twice. */
final class TimelineStore {

    private final DataSource dataSource;

    TimelineStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An article row as stored; {@code appliedAt} changes whenever a version is applied. */
    record ArticleRow(String id, long version, boolean retracted, String title, String appliedAt) {
    }

    /** A mention row with its event; ids included, so a re-applied version shows as new rows. */
    record MentionRow(long id, String articleId, long eventId, int ordinal, String text, String eventText,
                      String start, String end) {
    }

    /** Everything stored for the articles whose id starts with {@code prefix}. */
    record Snapshot(List<ArticleRow> articles, List<MentionRow> mentions, long events) {
    }

    Snapshot snapshot(String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            List<ArticleRow> articles = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, version, retracted, title, applied_at::text from article where id like ? order by id")) {
                query.setString(1, prefix + "%");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        articles.add(new ArticleRow(rows.getString(1), rows.getLong(2), rows.getBoolean(3),
                                rows.getString(4), rows.getString(5)));
                    }
                }
            }
            List<MentionRow> mentions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select m.id, m.article_id, m.event_id, m.ordinal, m.text, e.text, e.start_date::text, e.end_date::text
                    from event_mention m join event e on e.id = m.event_id
                    where m.article_id like ? order by m.article_id, m.ordinal, m.id""")) {
                query.setString(1, prefix + "%");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        mentions.add(new MentionRow(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getInt(4),
                                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
                    }
                }
            }
            long events = mentions.stream().mapToLong(MentionRow::eventId).distinct().count();
            return new Snapshot(articles, mentions, events);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
