package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.task.RecordDetail;
import picocli.CommandLine.ITypeConverter;

/** {@code --records basic|full|text}: a word that is none of them is a {@link BadFlagValue} naming them. */
final class RecordDetailConverter implements ITypeConverter<RecordDetail> {
    @Override
    public RecordDetail convert(String value) {
        try {
            return RecordDetail.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadFlagValue(e.getMessage());
        }
    }
}
