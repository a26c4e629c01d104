package dev.crawlcase.crawler.cluster;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a file is well-formed XML, read before Hazelcast reads it: Hazelcast's parser keeps the JDK's default
 * error handler, which prints "[Fatal Error] ..." on stderr before the exception, so the user would see two lines.
 * This parse is silent and says where the file breaks. No DTD or external entity is loaded.
 */
final class XmlCheck {
    private XmlCheck() {
    }

    /** What makes the file not XML ("line 48: ..."), or null when it is well-formed. */
    static String problem(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.parse(file.toFile());
            return null;
        } catch (SAXParseException e) {
            return "line " + e.getLineNumber() + ": " + e.getMessage();
        } catch (SAXException | ParserConfigurationException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "cannot read it: " + e.getMessage();
        }
    }
}
