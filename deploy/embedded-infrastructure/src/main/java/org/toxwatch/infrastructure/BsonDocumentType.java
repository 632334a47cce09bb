package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

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

    private static final int KEPT_BUFFER_BYTES = 1 << 20;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final ObjectDataType stock = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document && BsonExactness.hasExactStructure(document)) {
            ByteBuf bson = encoded(document);
            if (bson.readableBytes() <= BsonConstants.MAX_BSON_OBJECT_SIZE
                    && (bson.indexOf(bson.readerIndex(), bson.writerIndex(), (byte) '?') < 0
                            || BsonExactness.hasWellFormedTexts(document))) {
                buffer.put(BSON_TAG).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
                return;
            }
        }
        stock.write(buffer, value);
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
