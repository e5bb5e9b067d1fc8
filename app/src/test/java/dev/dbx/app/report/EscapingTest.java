package dev.dbx.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A store's identity and an error text are data: they show as text in both formats, never as markup. */
class EscapingTest {
    @Test
    void htmlTextAndAttributesAreEscaped() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void jsonInsideAScriptCannotCloseItOrOpenAComment() throws Exception {
        String hostile = "</script><script>alert(1)</script><!-- & \u2028";
        String json = Html.json(Map.of("label", hostile));
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(new ObjectMapper().readTree(json).get("label").asText()).isEqualTo(hostile);
    }

    @Test
    void thePageShowsHostileValuesAsText() {
        String page = HtmlReport.render(ReportFixtures.all());

        assertThat(page)
                .doesNotContain(ReportFixtures.HOSTILE_SERVER)
                .doesNotContain("<b>by</b>")
                .contains(Html.escape(ReportFixtures.HOSTILE_SERVER))
                .contains(Html.escape(ReportFixtures.HOSTILE_ERROR));
        // the embedded data, uPlot and the page's script: no other script element, and none loaded from elsewhere
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(3);
        assertThat(page).doesNotContainPattern("(src|href)\\s*=\\s*\"(https?:)?//");
    }

    @Test
    void markdownShowsMarkupAndTableSeparatorsLiterally() {
        assertThat(MarkdownReport.escape("a | b <i>c</i> & *d* _e_ [f](g) `h` \\ #i\nj"))
                .isEqualTo("a \\| b &lt;i&gt;c&lt;/i&gt; &amp; \\*d\\* \\_e\\_ \\[f\\](g) \\`h\\` \\\\ \\#i j");
    }
}
