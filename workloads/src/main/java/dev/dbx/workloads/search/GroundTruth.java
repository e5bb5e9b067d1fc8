package dev.dbx.workloads.search;

import dev.dbx.core.query.search.MatchingRule;
import dev.dbx.core.query.search.SearchQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How many documents each query matches under one {@link MatchingRule}, computed by dbx from the canonical text (not
 * by any engine): each document is tokenized and its words reduced to terms as the rule says ({@link TextAnalyzer}),
 * and each query is evaluated over those terms. For a term or a prefix it also keeps the words, as written, through
 * which documents matched (e.g. "quick" and "quickly" where a stemmer conflates them), so a difference between two
 * rules can be shown with its cause.
 */
public final class GroundTruth {
    /**
     * @param matches documents matching
     * @param words the distinct words (as written, lower-cased) that made documents match a term or prefix query; empty
     *     for the others
     * @param note why the query matches nothing at all under this rule (a stop word), or null
     */
    public record Answer(long matches, SortedSet<String> words, String note) {
        public Answer {
            words = Collections.unmodifiableSortedSet(new TreeSet<>(words));
        }
    }

    private GroundTruth() {}

    /** Each query's answer over {@code texts} under {@code analyzer}'s rule, by query name. */
    public static Map<String, Answer> compute(
            Iterator<String> texts, TextAnalyzer analyzer, List<SearchQuery> queries) {
        List<Compiled> compiled = new ArrayList<>();
        for (SearchQuery query : queries) {
            compiled.add(new Compiled(query, analyzer));
        }
        while (texts.hasNext()) {
            List<TextAnalyzer.Token> tokens = analyzer.tokens(texts.next());
            for (Compiled c : compiled) {
                c.evaluate(tokens);
            }
        }
        Map<String, Answer> out = new LinkedHashMap<>();
        for (Compiled c : compiled) {
            out.put(c.query.name(), new Answer(c.matches, c.words, c.note));
        }
        return out;
    }

    /** A query turned into the rule's terms: a term, terms at relative positions (phrase), or a prefix. */
    private static final class Compiled {
        final SearchQuery query;
        final MatchingRule.Prefix prefixRule;
        final List<String> terms = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        String prefix;
        String note;
        long matches;
        final SortedSet<String> words = new TreeSet<>();

        Compiled(SearchQuery query, TextAnalyzer analyzer) {
            this.query = query;
            this.prefixRule = analyzer.rule().prefix();
            if (query.kind() == SearchQuery.Kind.PREFIX) {
                prefix = analyzer.prefixForm(query.words().get(0));
                return;
            }
            List<String> stops = new ArrayList<>();
            for (int i = 0; i < query.words().size(); i++) {
                String word = query.words().get(i);
                var term = analyzer.term(word);
                if (term.isPresent()) {
                    terms.add(term.get());
                    offsets.add(i);
                } else {
                    stops.add(word);
                }
            }
            if (terms.isEmpty()) {
                note = "'" + String.join("', '", stops) + "' "
                        + (stops.size() == 1 ? "is a stop word" : "are stop words")
                        + " under this rule: the query has no term left and matches nothing";
            }
        }

        void evaluate(List<TextAnalyzer.Token> tokens) {
            boolean match = switch (query.kind()) {
                case TERM -> term(tokens);
                case ALL -> all(tokens);
                case PHRASE -> phrase(tokens);
                case PREFIX -> prefix(tokens);
            };
            if (match) {
                matches++;
            }
        }

        private boolean term(List<TextAnalyzer.Token> tokens) {
            if (terms.isEmpty()) {
                return false;
            }
            String wanted = terms.get(0);
            boolean found = false;
            for (TextAnalyzer.Token t : tokens) {
                if (wanted.equals(t.term())) {
                    words.add(t.word());
                    found = true;
                }
            }
            return found;
        }

        private boolean all(List<TextAnalyzer.Token> tokens) {
            if (terms.isEmpty()) {
                return false;
            }
            for (String wanted : terms) {
                boolean found = false;
                for (TextAnalyzer.Token t : tokens) {
                    if (wanted.equals(t.term())) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private boolean phrase(List<TextAnalyzer.Token> tokens) {
            if (terms.isEmpty()) {
                return false;
            }
            for (TextAnalyzer.Token first : tokens) {
                if (!terms.get(0).equals(first.term())) {
                    continue;
                }
                int start = first.position() - offsets.get(0);
                boolean all = true;
                for (int i = 1; i < terms.size() && all; i++) {
                    all = hasAt(tokens, terms.get(i), start + offsets.get(i));
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasAt(List<TextAnalyzer.Token> tokens, String term, int position) {
            for (TextAnalyzer.Token t : tokens) {
                if (t.position() == position && term.equals(t.term())) {
                    return true;
                }
            }
            return false;
        }

        private boolean prefix(List<TextAnalyzer.Token> tokens) {
            boolean found = false;
            for (TextAnalyzer.Token t : tokens) {
                String candidate = prefixRule == MatchingRule.Prefix.WORD ? t.word() : t.term();
                if (candidate != null && candidate.startsWith(prefix)) {
                    words.add(t.word());
                    found = true;
                }
            }
            return found;
        }
    }
}
