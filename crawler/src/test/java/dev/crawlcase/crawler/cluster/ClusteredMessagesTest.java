package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.bus.BusCodecs;
import dev.crawlcase.crawler.bus.Exchange;
import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.bus.RandomMessages;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Two clustered Vert.x instances in one JVM exchange the frontier's messages in their binary form, unchanged. */
@Tag(Tags.NEWEST_JDK)
class ClusteredMessagesTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void exchangesAndLeasesCrossTheClusterUnchanged() {
        String cluster = ClusterFixtures.uniqueClusterName();
        Vertx frontierNode = ClusterFixtures.join(kit, cluster);
        Vertx fetcherNode = ClusterFixtures.join(kit, cluster);
        CrawlAddresses addresses = new CrawlAddresses("wire");
        RandomMessages messages = new RandomMessages(42);
        List<Lease> answers = List.of(messages.lease(), messages.lease(), messages.lease());
        List<Exchange> received = new CopyOnWriteArrayList<>();
        BusCodecs.register(frontierNode);
        MessageConsumer<Exchange> consumer = frontierNode.eventBus().consumer(addresses.lease(), m -> {
            received.add(m.body());
            m.reply(answers.get(received.size() - 1));
        });
        await(consumer.completion());

        FrontierClient client = new FrontierClient(fetcherNode, addresses, "fetcher-1");
        for (int i = 0; i < answers.size(); i++) {
            Exchange sent = messages.exchange();
            Lease answer = await(client.exchange(sent.outcomes(), sent.max()));

            assertThat(answer).isEqualTo(answers.get(i)).isNotSameAs(answers.get(i));
            assertThat(received.get(i)).usingRecursiveComparison()
                    .isEqualTo(new Exchange("fetcher-1", sent.outcomes(), sent.max()));
        }
    }
}
