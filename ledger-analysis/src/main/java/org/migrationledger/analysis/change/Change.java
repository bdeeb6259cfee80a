package org.migrationledger.analysis.change;

import java.util.List;

/**
 * One thing a statement does to the database, whichever reader understood it: JSqlParser's syntax tree or the
 * keyword classifier. A statement may do several (an ALTER TABLE with many sub-commands).
 */
public sealed interface Change
        permits AddColumn,
                AddConstraint,
                AddEnumValue,
                ChangeColumnDefault,
                ChangeColumnType,
                CreateIndex,
                CreateTable,
                CreateType,
                DropColumn,
                DropConstraint,
                DropIndex,
                DropNotNull,
                DropTable,
                DropType,
                OtherStatement,
                OtherTableChange,
                RemoveEnumValue,
                RenameColumn,
                RenameEnumValue,
                RenameTable,
                RenameType,
                SetNotNull,
                SetSetting,
                Transaction,
                Truncate,
                Unrecognised,
                ValidateConstraint,
                WriteRows {

    /** The relation locks PostgreSQL takes for this change, as its documentation lists them. */
    List<TableLock> locks();

    /** A short lower-case label for reports, e.g. {@code drop column users.email}. */
    String describe();
}
