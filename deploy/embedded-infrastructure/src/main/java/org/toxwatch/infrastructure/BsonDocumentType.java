package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The value type of the store's collections: a document is written as BSON, with mongo-java-server's own
 * encoder, instead of through Java serialization as H2's {@link ObjectDataType} writes it. Each value starts
 * with a tag byte that {@code ObjectDataType} never writes; a value without it (one written before, or a
 * document BSON would not carry back exactly, see {@link BsonExactness}) is written and read by
 * {@code ObjectDataType}, so a store file written by the stock backend keeps working.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /** Unused by {@link ObjectDataType} 2.3, whose tags are 0 to 19, 32 to 49 and 64 to 119. */
    static final byte BSON_TAG = 126;

    private static final Logger LOG = LoggerFactory.getLogger(BsonDocumentType.class);

    private static final int KEPT_BUFFER_BYTES = 1 << 20;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final ObjectDataType stock = new ObjectDataType();
    private final Function<Document, ByteBuf> encoder;

    BsonDocumentType() {
        this(BsonDocumentType::encoded);
    }

    /** With another encoder, for a test of an encoding that fails. */
    BsonDocumentType(Function<Document, ByteBuf> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        ByteBuf bson = value instanceof Document document ? exactBson(document) : null;
        if (bson == null) {
            stock.write(buffer, value);
            return;
        }
        buffer.put(BSON_TAG).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    /**
     * The document's BSON, or null when BSON would not carry it back exactly. H2 writes pages on a thread of its
     * own, and a failing writer closes the whole store, so a document that cannot be encoded (one changed while it
     * is written, which {@link EmbeddedStoreCollection} should make impossible) is left to the stock type, as
     * before this type existed, and said so without its content.
     */
    private @Nullable ByteBuf exactBson(Document document) {
        try {
            if (!BsonExactness.hasExactStructure(document)) {
                return null;
            }
            ByteBuf bson = encoder.apply(document);
            boolean exact = bson.readableBytes() <= BsonConstants.MAX_BSON_OBJECT_SIZE
                    && (bson.indexOf(bson.readerIndex(), bson.writerIndex(), (byte) '?') < 0
                            || BsonExactness.hasWellFormedTexts(document));
            return exact ? bson : null;
        } catch (RuntimeException notEncoded) {
            LOG.warn(
                    "A stored document could not be written as BSON ({}); it is written by Java serialization instead",
                    notEncoded.getClass().getSimpleName());
            return null;
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return stock.read(buffer);
        }
        int start = buffer.position() + 1;
        int length = Integer.reverseBytes(buffer.getInt(start));
        ByteBuf bson = buffer.hasArray()
                ? Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + start, length)
                : Unpooled.wrappedBuffer(copy(buffer, start, length));
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(start + length);
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return DocumentFootprint.bytesOf(value);
    }

    @Override
    public int compare(Object a, Object b) {
        return stock.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    private static ByteBuf encoded(Document document) {
        ByteBuf bson = ENCODING.get();
        if (bson.capacity() > KEPT_BUFFER_BYTES) {
            bson = Unpooled.buffer(1024);
            ENCODING.set(bson);
        }
        bson.clear();
        BsonEncoder.encodeDocument(document, bson);
        return bson;
    }

    private static byte[] copy(ByteBuffer buffer, int start, int length) {
        byte[] bytes = new byte[length];
        buffer.get(start, bytes);
        return bytes;
    }
}
