package org.toxwatch.benchmark.reference;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest reference: an MLLP listener that parses each message with HAPI (default validation, as an integration
 * engine's HL7 data format does), sends it to Kafka keyed by the PID-3 patient id (idempotent producer, acks=all)
 * and returns the HAPI-generated ACK only once Kafka has acknowledged the send. No archive, no mapping, no
 * per-result events: the least an MLLP-to-Kafka bridge must do. Like ToxWatch's ingest it does not linger, since
 * every connection waits on its own send.
 *
 * <p>Arguments: bootstrap servers, MLLP port, topic.
 */
public final class MllpKafkaBridge {

    private MllpKafkaBridge() {}

    public static void main(String[] args) throws IOException {
        ParentWatch.exitWithParent();
        String bootstrapServers = args[0];
        int port = Integer.parseInt(args[1]);
        String topic = args[2];
        var context = new DefaultHapiContext();
        // HAPI's default numbers ACKs from a file in the working directory; ToxWatch keeps them in memory too.
        context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                // Each connection waits on its send, so batching only adds delay; ToxWatch's ingest sets the same.
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        try (var server = new ServerSocket(port)) {
            while (true) {
                Socket socket = server.accept();
                Parser parser = context.getPipeParser();
                Thread.ofPlatform()
                        .name("mllp-" + socket.getPort())
                        .start(() -> serve(socket, parser, producer, topic));
            }
        }
    }

    private static void serve(Socket socket, Parser parser, KafkaProducer<String, String> producer, String topic) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String text;
            while ((text = readFrame(in)) != null) {
                String answer = handle(text, parser, producer, topic);
                out.write(0x0B);
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.write(0x1C);
                out.write(0x0D);
                out.flush();
            }
        } catch (IOException e) {
            // the sender closed the connection
        }
    }

    private static String handle(String text, Parser parser, KafkaProducer<String, String> producer, String topic)
            throws IOException {
        try {
            Message message = parser.parse(text);
            String patient = new Terser(message).get("/.PID-3-1");
            producer.send(new ProducerRecord<>(topic, patient, text)).get();
            return parser.encode(message.generateACK());
        } catch (HL7Exception | ExecutionException e) {
            return "MSH|^~\\&|BRIDGE|BRIDGE|||||ACK|ERR|P|2.5.1\rMSA|AE|\r";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b < 0) {
                return null;
            }
        }
        var frame = new ByteArrayOutputStream(2048);
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                return null;
            }
            frame.write(b);
        }
        in.read(); // the trailing CR
        return frame.toString(StandardCharsets.UTF_8);
    }
}
