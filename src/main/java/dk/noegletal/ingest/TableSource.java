package dk.noegletal.ingest;

import dk.noegletal.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file of one table being read: what its header says, then its rows one at a time, so that a file of any size is
 * read in the memory of one row. A tidy CSV file names its measures line by line, so {@link #measures()} grows as its
 * rows are read; a row's values are by the position of a measure in that list.
 */
interface TableSource {

    ImportFormat format();

    /** The table the file names itself (a Jobindsats v2 TableID, a tidy CSV file's table column), or null. */
    String namedTable();

    /** The labels of the dimensions, in the order of the rows' members. */
    List<String> dimensions();

    /** The labels of the measures read so far, in the order of the rows' values. */
    List<String> measures();

    /** Reads the rows in file order (once). */
    void rows(Consumer<TableFile.Row> each);

    /**
     * The file with its dimensions in the order the stored table has them, when it has the same dimensions in
     * another order (a tidy CSV file's columns may come in any order); else the file as it is.
     */
    default TableSource inOrderOf(List<TableDefinition.Dimension> stored) {
        List<String> dimensions = dimensions();
        if (stored.size() != dimensions.size()) {
            return this;
        }
        List<Integer> order = new ArrayList<>();
        for (TableDefinition.Dimension dimension : stored) {
            int found = -1;
            for (int d = 0; d < dimensions.size() && found < 0; d++) {
                if (!order.contains(d) && dimension.named(dimensions.get(d))) {
                    found = d;
                }
            }
            if (found < 0) {
                return this;
            }
            order.add(found);
        }
        if (order.equals(java.util.stream.IntStream.range(0, order.size()).boxed().toList())) {
            return this;
        }
        TableSource file = this;
        List<String> reordered = order.stream().map(dimensions::get).toList();
        return new TableSource() {
            @Override
            public ImportFormat format() {
                return file.format();
            }

            @Override
            public String namedTable() {
                return file.namedTable();
            }

            @Override
            public List<String> dimensions() {
                return reordered;
            }

            @Override
            public List<String> measures() {
                return file.measures();
            }

            @Override
            public void rows(Consumer<TableFile.Row> each) {
                file.rows(row -> each.accept(row.withMembers(order)));
            }
        };
    }
}
