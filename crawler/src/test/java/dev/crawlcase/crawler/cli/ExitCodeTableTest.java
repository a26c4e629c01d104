package dev.crawlcase.crawler.cli;

import dev.crawlcase.sites.cli.SitesCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One list of exit codes: the README's table, the one {@code --help} prints, and the codes the fake sites' command
 * (which cannot see the crawler's) returns with the same meanings.
 */
class ExitCodeTableTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (\\d+) \\| ");

    @Test
    void theReadmeTableListsExactlyTheCodesHelpLists() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String table = readme.substring(readme.indexOf("Exit codes (every command"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| code |")));
        Set<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(ExitCode.described().keySet()));
    }

    @Test
    void theSitesCommandMeansTheSameByEachCode() {
        assertThat(SitesCommand.OK).isEqualTo(ExitCode.OK);
        assertThat(SitesCommand.FAILED).isEqualTo(ExitCode.FAILED);
        assertThat(SitesCommand.BAD_CONFIG).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(SitesCommand.OUTPUT_FAILED).isEqualTo(ExitCode.OUTPUT_FAILED);
    }
}
