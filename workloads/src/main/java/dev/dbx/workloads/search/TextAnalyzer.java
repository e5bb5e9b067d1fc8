package dev.dbx.workloads.search;

import dev.dbx.core.DbxException;
import dev.dbx.core.query.search.MatchingRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Text as one engine's {@link MatchingRule} sees it: the words (as written, lower-cased), each with its position and
 * the term it is indexed as (stemmed), or none for a stop word, whose position still counts (so a phrase does not
 * bridge it, as in Lucene and PostgreSQL). Tokenizers are dbx's own code where the text allows it (TPC-H's comments are
 * ASCII letters, blanks and {@code . , ; : ? ! -}), Lucene's StandardTokenizer where the engine is Lucene; stemmers are
 * Lucene's (Porter, and Snowball's English); stop words are Lucene's English set and PostgreSQL 17's english.stop.
 */
public final class TextAnalyzer {
    /** A word at a position, and its indexed term (null for a stop word). */
    public record Token(String word, String term, int position) {}

    private final MatchingRule rule;
    private final Set<String> stopWords;
    private final Map<String, Optional<String>> terms = new HashMap<>();
    private final Analyzer stemmer;

    private TextAnalyzer(MatchingRule rule) {
        this.rule = rule;
        this.stopWords = stopWords(rule.stopWords());
        this.stemmer = switch (rule.stemmer()) {
            case NONE -> null;
            case PORTER -> keywordAnalyzer(false);
            case SNOWBALL_ENGLISH -> keywordAnalyzer(true);
        };
    }

    /** The analyzer for {@code rule}, or why dbx cannot compute its matches. */
    public static TextAnalyzer forRule(MatchingRule rule) {
        Optional<String> why = unmodelled(rule);
        if (why.isPresent()) {
            throw new DbxException("no ground truth for this matching rule: " + why.get());
        }
        return new TextAnalyzer(rule);
    }

    /** Why dbx has no model of {@code rule}'s matching, or empty when it can compute its matches. */
    public static Optional<String> unmodelled(MatchingRule rule) {
        if (rule.tokenizer() == MatchingRule.Tokenizer.MONGO
                || rule.stopWords() == MatchingRule.StopWords.MONGO_ENGLISH) {
            return Optional.of("dbx does not model MongoDB's text matching (its own tokenizer, stop-word list, and"
                    + " phrases matched as substrings of the text)");
        }
        return Optional.empty();
    }

    public MatchingRule rule() {
        return rule;
    }

    /** The words of {@code text} in order, with their positions and indexed terms. */
    public List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        switch (rule.tokenizer()) {
            case LUCENE_STANDARD -> luceneWords(text, out);
            case POSTGRES -> postgresWords(text, out);
            default -> letterRuns(text, out);
        }
        return out;
    }

    /** The term {@code word} (lower-case) is indexed as, or empty for a stop word. */
    public Optional<String> term(String word) {
        Optional<String> known = terms.get(word);
        if (known == null) {
            known = stopWords.contains(word) ? Optional.empty() : Optional.of(stem(word));
            terms.put(word, known);
        }
        return known;
    }

    /** The prefix's form as it is matched against indexed terms (WORD: against words as written). */
    public String prefixForm(String prefix) {
        return rule.prefix() == MatchingRule.Prefix.STEMMED ? stem(prefix) : prefix;
    }

    private void letterRuns(String text, List<Token> out) {
        int position = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                add(out, text.substring(start, i).toLowerCase(Locale.ROOT), position++);
            }
        }
    }

    /**
     * PostgreSQL's default parser on this text: runs of letters; a hyphenated word ("x-ray") is a token of its own
     * followed by its parts, each at the next position.
     */
    private void postgresWords(String text, List<Token> out) {
        int position = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            List<String> parts = new ArrayList<>();
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                int partStart = i;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                parts.add(text.substring(partStart, i).toLowerCase(Locale.ROOT));
                if (i + 1 < n && text.charAt(i) == '-' && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            if (parts.size() > 1) {
                add(out, text.substring(start, i).toLowerCase(Locale.ROOT), position++);
            }
            for (String part : parts) {
                add(out, part, position++);
            }
        }
    }

    private void luceneWords(String text, List<Token> out) {
        try (Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(new LowerCaseFilter(tokenizer))) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                add(out, term.toString(), position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(List<Token> out, String word, int position) {
        out.add(new Token(word, term(word).orElse(null), position));
    }

    private String stem(String word) {
        if (stemmer == null) {
            return word;
        }
        try (TokenStream stream = stemmer.tokenStream("t", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            String stemmed = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stemmed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Analyzer keywordAnalyzer(boolean snowball) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream stemmed =
                        snowball ? new SnowballFilter(source, new EnglishStemmer()) : new PorterStemFilter(source);
                return new TokenStreamComponents(source, stemmed);
            }
        };
    }

    private static Set<String> stopWords(MatchingRule.StopWords which) {
        return switch (which) {
            case NONE, MONGO_ENGLISH -> Set.of();
            case LUCENE_ENGLISH -> {
                Set<String> words = new HashSet<>();
                CharArraySet set = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
                for (Object w : set) {
                    words.add(w instanceof char[] chars ? new String(chars) : String.valueOf(w));
                }
                yield Set.copyOf(words);
            }
            case POSTGRES_ENGLISH -> resourceWords("postgres-english.stop");
        };
    }

    private static Set<String> resourceWords(String name) {
        try (InputStream in = TextAnalyzer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DbxException("missing resource " + name);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
