package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sharded crawl's crawl.json keeps the deal of its seeds' hosts, so a resumed node (or one taking a part over)
 * places every host where the crawl placed it; a folder written before hosts were dealt resumes on the hash alone.
 */
class CrawlStateFolderTest {
    @TempDir
    Path dir;

    private final List<String> seeds = List.of("http://127.0.0.1:8083/", "http://127.0.0.1:8081/",
            "http://127.0.0.1:8082/a");

    @Test
    void theDealSurvivesTheFileAndTheClustersJson() throws Exception {
        CrawlDefinition.Agreed agreed = CrawlDefinition.Agreed.dealt(seeds, 2);
        CrawlStateFolder.write(dir, "main", agreed);

        CrawlDefinition.Agreed read = CrawlStateFolder.read(dir, "main");
        assertThat(read).isEqualTo(agreed);
        assertThat(read.map().dealt()).containsEntry("http://127.0.0.1:8081", 0)
                .containsEntry("http://127.0.0.1:8082", 1).containsEntry("http://127.0.0.1:8083", 0);
        assertThat(new JsonObject(Files.readString(dir.resolve(CrawlStateFolder.FILE))).getJsonObject("hosts")
                .getInteger("http://127.0.0.1:8082")).isEqualTo(1);
        assertThat(CrawlDefinition.Agreed.fromJson(new JsonObject(agreed.toJson().encode()))).isEqualTo(agreed);
    }

    @Test
    void aFolderWrittenBeforeHostsWereDealtPlacesEveryHostByTheHash() throws Exception {
        Files.writeString(dir.resolve(CrawlStateFolder.FILE), new JsonObject().put("crawlId", "main")
                .put("seeds", seeds).put("parts", 3).encodePrettily());

        CrawlDefinition.Agreed read = CrawlStateFolder.read(dir, "main");
        assertThat(read.map()).isEqualTo(new ShardMap(3));
        assertThat(read.seeds()).isEqualTo(seeds);
    }

    @Test
    void aDealThatCannotBeTheCrawlsIsOneLine() throws Exception {
        Files.writeString(dir.resolve(CrawlStateFolder.FILE), new JsonObject().put("crawlId", "main")
                .put("seeds", seeds).put("parts", 2).put("hosts", new JsonObject().put("http://127.0.0.1:8081", 5))
                .encodePrettily());

        assertThatThrownBy(() -> CrawlStateFolder.read(dir, "main")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a crawl definition").hasMessageContaining("not within 0..1")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CrawlStateFolder.read(dir, "other")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds crawl 'main'");
    }
}
