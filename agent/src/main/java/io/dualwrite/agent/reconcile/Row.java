package io.dualwrite.agent.reconcile;

/** A row read from one side: the values of its table pair's columns (or of its key only), and its key's text. */
final class Row {

    final Object[] values;
    final String key;

    Row(Object[] values, String key) {
        this.values = values;
        this.key = key;
    }
}
