package org.migrationledger.projection.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code projection_generation} table: which generation of each read model serves, builds or waits. */
@Component
public class Generations {

    private static final String COLUMNS = """
            read_model, generation, state, processor_name, created_at, target_position,
            auto_switch, activated_at, retired_at, comparison, comparison_equal""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Generations(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records generation 1 as active the first time a read model is seen; no-op afterwards. */
    public void registerFirst(String readModel) {
        jdbc.sql("""
                        insert into projection_generation (read_model, generation, state, processor_name, created_at,
                        activated_at) values (?, 1, 'ACTIVE', ?, ?, ?) on conflict do nothing""")
                .params(readModel, ReadModel.processorName(readModel, 1), now(), now())
                .update();
    }

    /** The generation queries read; 1 when the read model has never been registered. */
    public int active(String readModel) {
        return jdbc.sql("select generation from projection_generation where read_model = ? and state = 'ACTIVE'")
                .param(readModel)
                .query(Integer.class)
                .optional()
                .orElse(1);
    }

    public List<GenerationView> all(String readModel) {
        return jdbc.sql("select %s from projection_generation where read_model = ? order by generation"
                        .formatted(COLUMNS))
                .param(readModel)
                .query(Generations::view)
                .list();
    }

    public List<GenerationView> maintained() {
        return jdbc.sql("""
                        select %s from projection_generation
                        where state in ('BUILDING', 'READY', 'ACTIVE', 'STANDBY') order by read_model, generation""".formatted(COLUMNS)).query(Generations::view).list();
    }

    public Optional<GenerationView> inState(String readModel, GenerationState state) {
        return all(readModel).stream().filter(g -> g.state() == state).reduce((first, second) -> second);
    }

    /** Starts a new generation; empty when another rebuild of the read model is already under way. */
    public Optional<GenerationView> startBuilding(String readModel, long targetPosition, boolean autoSwitch) {
        return transactions.execute(status -> {
            jdbc.sql("select 1 from projection_generation where read_model = ? for update")
                    .param(readModel)
                    .query()
                    .listOfRows();
            boolean underWay = all(readModel).stream()
                    .anyMatch(g -> g.state() == GenerationState.BUILDING || g.state() == GenerationState.READY);
            if (underWay) {
                return Optional.<GenerationView>empty();
            }
            int next = all(readModel).stream()
                            .mapToInt(GenerationView::generation)
                            .max()
                            .orElse(0)
                    + 1;
            jdbc.sql("""
                            insert into projection_generation (read_model, generation, state, processor_name, created_at,
                            target_position, auto_switch) values (?, ?, 'BUILDING', ?, ?, ?, ?)""")
                    .params(
                            readModel,
                            next,
                            ReadModel.processorName(readModel, next),
                            now(),
                            targetPosition,
                            autoSwitch)
                    .update();
            return Optional.of(get(readModel, next));
        });
    }

    /** Moves BUILDING to READY once, recording the comparison; false when another node did it first. */
    public boolean markReady(String readModel, int generation, ComparisonVerdict verdict) {
        return jdbc.sql("""
                        update projection_generation set state = 'READY', comparison = ?, comparison_equal = ?
                        where read_model = ? and generation = ? and state = 'BUILDING'""")
                        .params(verdict.description(), verdict.equal(), readModel, generation)
                        .update()
                == 1;
    }

    /**
     * Makes a READY generation active in one transaction: the active one becomes STANDBY and the previous STANDBY is
     * retired. Returns the retired generation, if any, whose rows the caller deletes.
     */
    public Optional<Integer> switchTo(String readModel, int generation) {
        return transactions.execute(status -> {
            Optional<Integer> retired = stateOf(readModel, GenerationState.STANDBY);
            retired.ifPresent(g -> setState(readModel, g, "RETIRED", "retired_at"));
            stateOf(readModel, GenerationState.ACTIVE).ifPresent(g -> setState(readModel, g, "STANDBY", null));
            setState(readModel, generation, "ACTIVE", "activated_at");
            return retired;
        });
    }

    /** Swaps ACTIVE and STANDBY in one transaction; false when there is no standby generation. */
    public boolean rollback(String readModel) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Integer> standby = stateOf(readModel, GenerationState.STANDBY);
            Optional<Integer> active = stateOf(readModel, GenerationState.ACTIVE);
            if (standby.isEmpty() || active.isEmpty()) {
                return false;
            }
            setState(readModel, active.get(), "STANDBY", null);
            setState(readModel, standby.get(), "ACTIVE", "activated_at");
            return true;
        }));
    }

    /** Cancels a BUILDING or READY generation; empty when there is none. */
    public Optional<Integer> cancel(String readModel) {
        return transactions.execute(status -> {
            Optional<Integer> building =
                    stateOf(readModel, GenerationState.BUILDING).or(() -> stateOf(readModel, GenerationState.READY));
            building.ifPresent(g -> setState(readModel, g, "CANCELLED", "retired_at"));
            return building;
        });
    }

    public GenerationView get(String readModel, int generation) {
        return jdbc.sql("select %s from projection_generation where read_model = ? and generation = ?"
                        .formatted(COLUMNS))
                .params(readModel, generation)
                .query(Generations::view)
                .single();
    }

    private Optional<Integer> stateOf(String readModel, GenerationState state) {
        return jdbc.sql("""
                        select generation from projection_generation where read_model = ? and state = ?
                        order by generation desc limit 1""")
                .params(readModel, state.name())
                .query(Integer.class)
                .optional();
    }

    private void setState(String readModel, int generation, String state, String stampedColumn) {
        String stamp = stampedColumn == null ? "" : ", " + stampedColumn + " = :at";
        jdbc.sql("""
                        update projection_generation set state = :state%s
                        where read_model = :readModel and generation = :generation""".formatted(stamp))
                .param("state", state)
                .param("at", now())
                .param("readModel", readModel)
                .param("generation", generation)
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static GenerationView view(ResultSet rs, int row) throws SQLException {
        long target = rs.getLong("target_position");
        Long targetPosition = rs.wasNull() ? null : target;
        return new GenerationView(
                rs.getString("read_model"),
                rs.getInt("generation"),
                GenerationState.valueOf(rs.getString("state")),
                rs.getString("processor_name"),
                instant(rs, "created_at"),
                targetPosition,
                rs.getBoolean("auto_switch"),
                instant(rs, "activated_at"),
                instant(rs, "retired_at"),
                rs.getString("comparison"),
                rs.getObject("comparison_equal", Boolean.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
