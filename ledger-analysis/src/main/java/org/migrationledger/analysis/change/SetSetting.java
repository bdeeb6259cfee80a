package org.migrationledger.analysis.change;

import java.util.List;

/** SET or SET LOCAL of a run-time parameter such as lock_timeout. */
public record SetSetting(String name, String value) implements Change {

    @Override
    public List<TableLock> locks() {
        return List.of();
    }

    @Override
    public String describe() {
        return "set " + name + " = " + value;
    }
}
