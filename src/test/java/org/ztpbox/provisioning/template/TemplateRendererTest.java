package org.ztpbox.provisioning.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Variables variables = Variables.builder().put("phone.extension", "1001")
            .put("phone.display-name", "Ann \"A\" <Smith> & Co's").put("phone.empty", "")
            .putSecret("phone.sip-password", "pw").build();

    private String render(String text) throws RenderException {
        return new String(renderer.render(Template.of("t.cfg", "t.cfg", text), variables).bytes(),
                StandardCharsets.UTF_8);
    }

    @Test
    void substitutesAndEscapesSoThatNoValueAddsMarkup() throws RenderException {
        RenderedFile file = renderer.render(Template.of("t.cfg", "t.cfg",
                "<c reg.1.label=\"${phone.extension}\" reg.1.displayName=\"${phone.display-name}\"/>"), variables);

        assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo("<c reg.1.label=\"1001\""
                + " reg.1.displayName=\"Ann &quot;A&quot; &lt;Smith&gt; &amp; Co&apos;s\"/>");
        assertThat(file.parameters()).containsExactly(java.util.Map.entry("reg.1.label", "1001"),
                java.util.Map.entry("reg.1.displayName", "Ann \"A\" <Smith> & Co's"));
        assertThat(file.holdsCredentials()).isFalse();
    }

    @Test
    void defaultsLiteralDollarsAndCommentsAreLeftAlone() throws RenderException {
        assertThat(render("<c a=\"${phone.empty:-none}\" b=\"${phone.nothing:-x & y}\" c=\"${phone.extension:-z}\""
                + " d=\"$${phone.extension}\" e=\"$5\"/><!-- ${phone.unknown} stays -->"))
                .isEqualTo("<c a=\"none\" b=\"x &amp; y\" c=\"1001\" d=\"${phone.extension}\" e=\"$5\"/>"
                        + "<!-- ${phone.unknown} stays -->");
    }

    @Test
    void aSecretOrAPasswordParameterMakesTheFileHoldCredentials() throws RenderException {
        assertThat(renderer.render(Template.of("t", "t", "<c x=\"${phone.sip-password}\"/>"), variables)
                .holdsCredentials()).isTrue();
        assertThat(renderer.render(Template.of("t", "t", "<c reg.1.auth.password=\"literal\"/>"), variables)
                .holdsCredentials()).isTrue();
        assertThat(renderer.render(Template.of("t", "t", "<c reg.1.auth.password=\"\" x.password.set=\"1\"/>"),
                variables).holdsCredentials()).isFalse();
    }

    @Test
    void everyUnknownVariableIsReportedWithItsLine() {
        assertThatThrownBy(() -> render("<c\n a=\"${phone.nope}\"\n b=\"${site.x}\" c=\"${phone.extension}\"/>"))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.template()).isEqualTo("t.cfg");
                    assertThat(e.problems()).extracting(RenderException.Problem::line, RenderException.Problem::variable)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "phone.nope"),
                                    org.assertj.core.groups.Tuple.tuple(3, "site.x"));
                    assertThat(e.getMessage()).isEqualTo("t.cfg line 2: unknown variable ${phone.nope};"
                            + " t.cfg line 3: unknown variable ${site.x}");
                });
    }

    @Test
    void malformedReferencesAreReported() {
        assertThatThrownBy(() -> render("<c a=\"${phone.extension\"/>\n")).hasMessageContaining(
                "line 1: '${' without a closing '}'");
        assertThatThrownBy(() -> render("<c a=\"${ phone.extension }\"/>")).hasMessageContaining("not a variable");
    }

    @Test
    void badXmlInTheTemplateNamesItsLineAndNoVariable() {
        assertThatThrownBy(() -> render("<?xml version=\"1.0\"?>\n<c a=\"1\">\n<d>\n</c>\n"))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.line()).isEqualTo(4);
                        assertThat(p.variable()).isNull();
                        assertThat(p.message()).startsWith("not well-formed XML: ");
                    });
                });
        assertThatThrownBy(() -> render("")).hasMessageContaining("not well-formed XML");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityReachesOutOfTheFile() {
        assertThatThrownBy(() -> render("<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "\n<c a=\"&e;\"/>")).hasMessageContaining("DOCTYPE");
    }

    @Test
    void aControlCharacterInAValueIsRefused() {
        Variables bad = Variables.builder().put("phone.x", "a\u0001b").build();
        assertThatThrownBy(() -> renderer.render(Template.of("t", "t", "<c a=\"${phone.x}\"/>"), bad))
                .hasMessageContaining("control character");
    }

    @Test
    void aNewlineInAValueKeepsTheTemplatesLineNumbers() {
        Variables multi = Variables.builder().put("phone.x", "a\nb").build();
        assertThatThrownBy(() -> renderer.render(Template.of("t", "t", "<c a=\"${phone.x}\"\n/>\n<d/>"), multi))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.problems().get(0).line())
                        .isEqualTo(3));
    }

    @Test
    void anUnreadableTemplateIsReportedAsSuch() {
        assertThatThrownBy(() -> renderer.render(Template.unreadable("p", "/x/p.cfg", "not UTF-8 text"), variables))
                .hasMessage("/x/p.cfg: not UTF-8 text");
    }
}
