package dev.crawlcase.crawler.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PageParser} reads from a document, found in one walk over its elements in document order: the link
 * elements, the first {@code <base href>}, every {@code <meta name=robots>}, the first meta refresh and (for full
 * records) the first canonical link. Five {@code select} calls walked the whole DOM five times, most of them to find
 * nothing; on large real pages those walks were a tenth of a parse thread's profile (#20). The evaluators must be
 * stateless (tag, attribute and combinations of them, as {@link LinkSource}'s and {@link PageParser}'s are).
 */
record PageScan(List<Element> links, Element base, List<Element> robots, Element refresh, Element canonical) {

    static PageScan of(Document doc, Evaluator linkElements, Evaluator base, Evaluator robots, Evaluator refresh,
                       Evaluator canonical) {
        List<Element> links = new ArrayList<>();
        List<Element> robotsMetas = new ArrayList<>(1);
        Element[] firsts = new Element[3];
        doc.forEach(el -> {
            if (linkElements.matches(doc, el)) {
                links.add(el);
            }
            if (el.nameIs("base") || el.nameIs("meta") || el.nameIs("link")) {
                if (firsts[0] == null && base.matches(doc, el)) {
                    firsts[0] = el;
                }
                if (robots.matches(doc, el)) {
                    robotsMetas.add(el);
                }
                if (firsts[1] == null && refresh.matches(doc, el)) {
                    firsts[1] = el;
                }
                if (canonical != null && firsts[2] == null && canonical.matches(doc, el)) {
                    firsts[2] = el;
                }
            }
        });
        return new PageScan(links, firsts[0], robotsMetas, firsts[1], firsts[2]);
    }
}
