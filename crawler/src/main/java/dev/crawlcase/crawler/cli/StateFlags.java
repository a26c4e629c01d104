package dev.crawlcase.crawler.cli;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.crawler.state.StateException;
import dev.crawlcase.crawler.state.StateStore;

import java.nio.file.Path;

/** Opens the state named by {@code --state DIR} / {@code --resume}, wording every state problem as a flag's. */
final class StateFlags {
    private StateFlags() {
    }

    static StateStore open(Path dir, boolean resume) {
        try {
            return StateStore.open(dir, resume);
        } catch (StateException e) {
            throw worded(e);
        }
    }

    /** The one line the user sees for a state problem, naming the flag that fixes it. */
    static ConfigException worded(StateException e) {
        Path dir = e.path();
        return switch (e.problem()) {
            case NO_STATE -> new ConfigException("--resume", "no crawl state in " + dir + " (start one with --state "
                    + dir + ")");
            case ALREADY_HOLDS_STATE -> new ConfigException("--state " + dir, "already holds a crawl state; add --resume"
                    + " to continue it, or use an empty folder");
            case CANNOT_CREATE, LOCKED, CANNOT_OPEN -> new ConfigException("--state " + dir, e.getMessage());
            case DAMAGED, BEHIND -> new ConfigException("--state " + dir, e.getMessage() + "; it cannot be resumed"
                    + " safely: put back a copy of the whole folder, or start again with an empty --state folder");
            case FOREIGN_RECORDS, RECORDS_IO -> new ConfigException("", e.getMessage());
        };
    }
}
