package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Links between the documents, to their headings and to the code resolve: a renamed file or heading fails here with
 * every broken link listed, not in a reader's browser.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").normalize();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *$", Pattern.MULTILINE);
    private static final Pattern CODE_PATH = Pattern.compile("`([A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*[A-Za-z0-9_])/?`");
    private static final Pattern FENCE = Pattern.compile("^ *```.*?^ *```", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyLinkOfTheDocumentationResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            Matcher link = LINK.matcher(withoutCodeBlocks(Files.readString(document)));
            while (link.find()) {
                checked++;
                String problem = check(document, link.group(1));
                if (problem != null) {
                    broken.add(ROOT.relativize(document) + ": " + link.group(1) + " (" + problem + ")");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theCodePathsThePolicyAndOperatorDocumentsNameExist() throws IOException {
        Set<String> topLevel = new HashSet<>();
        try (Stream<Path> entries = Files.list(ROOT)) {
            entries.forEach(entry -> topLevel.add(entry.getFileName().toString()));
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            if (!document.startsWith(ROOT.resolve("docs/policy"))
                    && !document.startsWith(ROOT.resolve("docs/operations"))) {
                continue;
            }
            Matcher path = CODE_PATH.matcher(Files.readString(document));
            while (path.find()) {
                String named = path.group(1);
                if (topLevel.contains(named.substring(0, named.indexOf('/')))) {
                    checked++;
                    if (!Files.exists(ROOT.resolve(named))) {
                        missing.add(ROOT.relativize(document) + ": `" + named + "`");
                    }
                }
            }
        }
        assertThat(checked).as("code paths named").isPositive();
        assertThat(missing).as("code paths that do not exist").isEmpty();
    }

    private static String check(Path document, String target) throws IOException {
        if (target.matches("^[a-z]+:.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved =
                file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash >= 0 && resolved.toString().endsWith(".md")) {
            String anchor = target.substring(hash + 1);
            if (!anchors(resolved).contains(anchor)) {
                return "no heading #" + anchor + " in " + ROOT.relativize(resolved);
            }
        }
        return null;
    }

    /** GitHub's heading ids: lower case, punctuation dropped, spaces as dashes. */
    private static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(withoutCodeBlocks(Files.readString(document)));
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String markdown) {
        return FENCE.matcher(markdown).replaceAll("");
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }
}
