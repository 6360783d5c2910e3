package io.blockwise.rt;

/** A resource with a given size, for queue and lifecycle tests. */
final class TestResource extends Resource {
    final long payload;

    TestResource(long payload) {
        super("test");
        this.payload = payload;
    }

    @Override
    public long bytes() {
        return payload;
    }
}
