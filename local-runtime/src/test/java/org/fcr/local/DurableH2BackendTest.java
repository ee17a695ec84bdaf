package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.bwaldvogel.mongo.bson.Document;

/** Which commands wait for the group commit: every write, no read. */
class DurableH2BackendTest {

    @ParameterizedTest(name = "{0} {1} → waits for a commit: {2}")
    @CsvSource({
            "insert,        ,        true",
            "update,        ,        true",
            "delete,        ,        true",
            "findAndModify, ,        true",
            "findandmodify, ,        true",
            "createIndexes, ,        true",
            "drop,          ,        true",
            "dropDatabase,  ,        true",
            "find,          ,        false",
            "getMore,       ,        false",
            "count,         ,        false",
            "hello,         ,        false",
            "aggregate,     $match,  false",
            "aggregate,     $out,    true",
            "aggregate,     $merge,  true",
    })
    void writesWaitForTheCommitReadsDoNot(String command, String stage, boolean waits) {
        Document query = new Document(command, "requests");
        if (stage != null) {
            query.put("pipeline", List.of(new Document(stage, stage.equals("$match") ? new Document() : "archive")));
        }
        assertThat(DurableH2Backend.isWrite(command, query)).isEqualTo(waits);
    }
}
