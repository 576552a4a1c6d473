package th.go.integritydesk.casefile;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.th.ThaiTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import th.go.integritydesk.intake.TrackingNumbers;
import th.go.integritydesk.web.StaffUser;

/**
 * Finding cases by their facts (docs/adr/0016-case-search.md): a Lucene index beside each node, a cache of the
 * {@code complaint} table that each node builds and keeps current from the database itself, so every node of a
 * cluster finds what any node took in, and a lost or damaged index is simply built again.
 * <ul>
 *   <li><b>What is indexed:</b> the tracking number, subject, facts and the accused's name, position and unit. Never
 *       the complainant's identity (it is not in {@code complaint}).</li>
 *   <li><b>Thai:</b> each text twice: as words from the JDK's dictionary word breaker ({@link ThaiTokenizer}, no stop
 *       words: {@code ThaiAnalyzer} drops {@code รับ}, which breaks {@code เรียกรับ}), and as character bigrams in order,
 *       so a query term that the dictionary splits differently in the text (กองคลัง inside ผู้อำนวยการกองคลัง) still
 *       matches as a phrase of bigrams, that is as a substring. A term matches by either; words weigh more.</li>
 *   <li><b>Kept current:</b> every few seconds each node reads the complaints received since its watermark (less an
 *       overlap, for transactions that committed late) and adds them; the watermark is in the index's own commit, so
 *       after {@code kill -9} the node goes on from its last commit and adds what came after. The facts indexed do not
 *       change after intake; a case that retention reduced to its tombstone ({@code removed_at}, a second watermark)
 *       is taken out of every node's index the same way, and its segments merged away.</li>
 *   <li><b>Need to know:</b> the index finds candidates; {@link NeedToKnow#readable} keeps the ones the searcher may
 *       read, before anything of them is shown.</li>
 * </ul>
 */
@Service
public class CaseSearch {

  /** Results one search looks at (the readable ones of these are paged; the total says when there are more). */
  static final int CANDIDATES = 500;
  private static final Duration OVERLAP = Duration.ofMinutes(10);
  private static final int PAGE = 500;
  private static final String WATERMARK = "watermark";
  private static final String REMOVED_WATERMARK = "removed";
  private static final Logger LOG = LoggerFactory.getLogger(CaseSearch.class);

  public record Hit(String trackingNumber, String subject, String accused, String snippet, Instant receivedAt) {}

  public record Results(String query, int page, int pageSize, int total, boolean more, List<Hit> hits) {}

  private final JdbcClient jdbc;
  private final NeedToKnow needToKnow;
  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile Instant watermark;
  private volatile Instant removedWatermark;
  private final Map<String, Instant> recent = new ConcurrentHashMap<>();
  private final Map<String, Instant> recentlyRemoved = new ConcurrentHashMap<>();

  public CaseSearch(JdbcClient jdbc, NeedToKnow needToKnow,
                    @Value("${integrity-desk.search.index-dir:memory}") String indexDir) throws IOException {
    this.jdbc = jdbc;
    this.needToKnow = needToKnow;
    this.analyzer = analyzer();
    this.directory = open(indexDir);
    IndexWriter opened;
    try {
      opened = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    } catch (IOException e) {
      LOG.warn("The search index in {} cannot be opened ({}): it is built again", indexDir, e.getMessage());
      opened = new IndexWriter(directory, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }
    this.writer = opened;
    Instant committed = Instant.EPOCH;
    Instant removedCommitted = Instant.EPOCH;
    if (writer.getLiveCommitData() != null) {
      for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
        if (entry.getKey().equals(WATERMARK)) {
          committed = Instant.parse(entry.getValue());
        } else if (entry.getKey().equals(REMOVED_WATERMARK)) {
          removedCommitted = Instant.parse(entry.getValue());
        }
      }
    }
    this.watermark = committed;
    this.removedWatermark = removedCommitted;
    this.searchers = new SearcherManager(writer, null);
  }

  private static Directory open(String indexDir) throws IOException {
    if (indexDir == null || indexDir.isBlank() || indexDir.equals("memory")) {
      return new ByteBuffersDirectory();
    }
    Path path = Path.of(indexDir);
    Files.createDirectories(path);
    FSDirectory fs = FSDirectory.open(path);
    try {
      fs.obtainLock(IndexWriter.WRITE_LOCK_NAME).close();
      return fs;
    } catch (LockObtainFailedException e) {
      // another application in this JVM or folder holds it (a second test context): this one keeps its own in memory
      LOG.warn("The search index in {} is in use by another process: this one is kept in memory", path);
      fs.close();
      return new ByteBuffersDirectory();
    }
  }

  /** Words (the dictionary breaker, lower case, no stop words) and bigrams (every two characters, in order). */
  static Analyzer analyzer() {
    Analyzer words = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new ThaiTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
    Analyzer grams = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new NGramTokenizer(2, 2);
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
    return new PerFieldAnalyzerWrapper(words, Map.of("grams", grams, "accusedGrams", grams));
  }

  /** Adds the complaints received since the watermark (less the overlap); on every node, every few seconds. */
  @Scheduled(fixedDelayString = "${integrity-desk.search.refresh:PT2S}")
  public synchronized void catchUp() {
    try {
      Instant from = watermark.minus(OVERLAP);
      recent.values().removeIf(at -> at.isBefore(from));
      int added = pagesSince("received_at", "subject, description, accused_name, accused_position, accused_unit,"
          + " removed_at", from, (row, tn, at) -> {
            int took = 0;
            if (row.get("removed_at") != null) {
              writer.deleteDocuments(new Term("tn", tn));
            } else if (recent.putIfAbsent(tn, at) == null) {
              writer.updateDocument(new Term("tn", tn), document(row, at));
              took = 1;
            }
            if (at.isAfter(watermark)) {
              watermark = at;
            }
            return took;
          });
      int removed = forgetRemoved();
      if (added > 0 || removed > 0) {
        if (removed > 0) {
          // a removed case's facts leave the index's files too, not only its live documents
          writer.forceMergeDeletes();
        }
        writer.setLiveCommitData(Map.of(WATERMARK, watermark.toString(),
            REMOVED_WATERMARK, removedWatermark.toString()).entrySet());
        writer.commit();
        searchers.maybeRefresh();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("The search index could not catch up: {}", e.toString());
    }
  }

  /**
   * Takes out the cases that retention reduced to their tombstone since the last look (every node does it from the
   * {@code removed_at} the removal wrote, so each node's index forgets them).
   */
  private int forgetRemoved() throws IOException {
    Instant from = removedWatermark.minus(OVERLAP);
    recentlyRemoved.values().removeIf(at -> at.isBefore(from));
    return pagesSince("removed_at", "removed_at", from, (row, tn, at) -> {
      int took = 0;
      if (recentlyRemoved.putIfAbsent(tn, at) == null) {
        writer.deleteDocuments(new Term("tn", tn));
        recent.remove(tn);
        took = 1;
      }
      if (at.isAfter(removedWatermark)) {
        removedWatermark = at;
      }
      return took;
    });
  }

  /** What {@link #pagesSince} does with one complaint: how many it counts (added or taken out). */
  private interface EachRow {
    int take(Map<String, Object> row, String trackingNumber, Instant at) throws IOException;
  }

  /**
   * The complaints whose {@code column} (a time) is at or after {@code from}, in that order, a page at a time (keyset:
   * time, then tracking number), with {@code more} columns; answers the sum of what {@code each} counted.
   */
  private int pagesSince(String column, String more, Instant from, EachRow each) throws IOException {
    OffsetDateTime lastAt = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
    String lastTn = "";
    int counted = 0;
    while (true) {
      List<Map<String, Object>> rows = jdbc.sql("""
              SELECT tracking_number, %2$s, %1$s FROM complaint WHERE %1$s >= ? AND (%1$s > ? OR tracking_number > ?)
              ORDER BY %1$s, tracking_number FETCH FIRST %3$d ROWS ONLY""".formatted(column, more, PAGE))
          .params(lastAt, lastAt, lastTn).query().listOfRows();
      for (Map<String, Object> row : rows) {
        String tn = (String) row.get("tracking_number");
        Instant at = received(row.get(column));
        lastAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        lastTn = tn;
        counted += each.take(row, tn, at);
      }
      if (rows.size() < PAGE) {
        return counted;
      }
    }
  }

  private static Instant received(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime t) {
      return t.toInstant();
    }
    return Instant.parse(value.toString());
  }

  private static Document document(Map<String, Object> row, Instant at) {
    String subject = text(row.get("subject"));
    String facts = text(row.get("description"));
    String accused = String.join(" ", Stream.of(row.get("accused_name"), row.get("accused_position"),
        row.get("accused_unit")).map(CaseSearch::text).filter(s -> !s.isBlank()).toList());
    String all = subject + "\n" + accused + "\n" + facts;
    Document doc = new Document();
    doc.add(new StringField("tn", (String) row.get("tracking_number"), Field.Store.YES));
    doc.add(new StoredField("subject", subject));
    doc.add(new StoredField("facts", facts));
    doc.add(new StoredField("accused", accused));
    doc.add(new TextField("words", all, Field.Store.NO));
    doc.add(new TextField("grams", all, Field.Store.NO));
    doc.add(new TextField("accusedWords", accused, Field.Store.NO));
    doc.add(new TextField("accusedGrams", accused, Field.Store.NO));
    doc.add(new StringField("unit", NeedToKnow.normalise(text(row.get("accused_unit"))), Field.Store.NO));
    doc.add(new LongPoint("received", at.toEpochMilli()));
    doc.add(new StoredField("received", at.toEpochMilli()));
    doc.add(new NumericDocValuesField("receivedSort", at.toEpochMilli()));
    return doc;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /**
   * The cases matching every term of {@code q} (a tracking number finds its case), best first, of those the user may
   * read; {@code pageSize} a page. Looks at the best {@link #CANDIDATES}; {@code more} says there may be others.
   */
  public Results search(StaffUser user, String q, int page, int pageSize) {
    String query = q == null ? "" : q.strip();
    List<String> terms = terms(query);
    if (terms.isEmpty()) {
      return new Results(query, page, pageSize, 0, false, List.of());
    }
    Query lucene = query.toUpperCase(Locale.ROOT).matches(TrackingNumbers.PATTERN)
        ? new TermQuery(new Term("tn", query.toUpperCase(Locale.ROOT))) : textQuery(terms, "words", "grams");
    return results(user, query, terms, lucene, page, pageSize, null);
  }

  /**
   * The earlier cases most like this one: the same accused (name, position, unit) and similar facts, of those the user
   * may read, for screening's MERGE decision and the case file.
   */
  public List<Hit> similar(StaffUser user, String trackingNumber, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        var found = searcher.search(new TermQuery(new Term("tn", trackingNumber)), 1);
        if (found.scoreDocs.length == 0) {
          return List.of();
        }
        Document self = searcher.storedFields().document(found.scoreDocs[0].doc);
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {"words"});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(25);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        like.add(mlt.like("words", new StringReader(self.get("subject") + "\n" + self.get("facts"))), Occur.SHOULD);
        String accused = self.get("accused");
        Query sameAccused = new QueryBuilder(analyzer).createPhraseQuery("accusedGrams", accused);
        if (sameAccused != null && !accused.isBlank()) {
          like.add(new BoostQuery(sameAccused, 4f), Occur.SHOULD);
        }
        Query words = new QueryBuilder(analyzer).createBooleanQuery("accusedWords", accused, Occur.SHOULD);
        if (words != null) {
          like.add(new BoostQuery(words, 2f), Occur.SHOULD);
        }
        like.add(new TermQuery(new Term("tn", trackingNumber)), Occur.MUST_NOT);
        long received = self.getField("received").numericValue().longValue();
        like.add(LongPoint.newRangeQuery("received", Long.MIN_VALUE, received), Occur.FILTER);
        return results(user, "", List.of(), like.build(), 0, limit, searcher).hits();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Results results(StaffUser user, String query, List<String> terms, Query lucene, int page, int pageSize,
                          IndexSearcher given) {
    try {
      IndexSearcher searcher = given != null ? given : searchers.acquire();
      try {
        ScoreDoc[] top = searcher.search(lucene, CANDIDATES).scoreDocs;
        Map<String, Document> candidates = new LinkedHashMap<>();
        for (ScoreDoc hit : top) {
          Document doc = searcher.storedFields().document(hit.doc);
          candidates.putIfAbsent(doc.get("tn"), doc);
        }
        Set<String> readable = needToKnow.readable(user, candidates.keySet());
        List<String> shown = candidates.keySet().stream().filter(readable::contains).toList();
        int from = Math.min(shown.size(), Math.max(0, page) * pageSize);
        List<Hit> hits = new ArrayList<>();
        for (String tn : shown.subList(from, Math.min(shown.size(), from + pageSize))) {
          Document doc = candidates.get(tn);
          hits.add(new Hit(tn, Marks.mark(doc.get("subject"), terms, 200), Marks.mark(doc.get("accused"), terms, 200),
              Marks.snippet(doc.get("facts"), terms, 240),
              Instant.ofEpochMilli(doc.getField("received").numericValue().longValue())));
        }
        return new Results(query, page, pageSize, shown.size(), top.length >= CANDIDATES, hits);
      } finally {
        if (given == null) {
          searchers.release(searcher);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every term must match, by its words or as a substring (a phrase of bigrams); words weigh more. */
  private Query textQuery(List<String> terms, String wordsField, String gramsField) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String term : terms) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      Query words = builder.createBooleanQuery(wordsField, term, Occur.MUST);
      if (words != null) {
        either.add(new BoostQuery(words, 2f), Occur.SHOULD);
      }
      Query grams = builder.createPhraseQuery(gramsField, term);
      if (grams != null) {
        either.add(grams, Occur.SHOULD);
      }
      BooleanQuery one = either.build();
      if (one.clauses().isEmpty()) {
        return new MatchNoDocsQuery();
      }
      all.add(one, Occur.MUST);
    }
    return all.build();
  }

  /** The query's terms: split at spaces, at most ten, each at most 100 characters. */
  static List<String> terms(String query) {
    return Stream.of(query.split("\\s+")).map(String::strip).filter(t -> !t.isEmpty()).limit(10)
        .map(t -> t.length() > 100 ? t.substring(0, 100) : t).toList();
  }

  @PreDestroy
  void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
