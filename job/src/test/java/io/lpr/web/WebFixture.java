package io.lpr.web;

import io.lpr.sink.PlateEventStatement;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import io.lpr.event.Snapshot;
import io.lpr.image.Images;
import io.lpr.snapshot.FrameSnapshots;
import io.lpr.snapshot.SnapshotConfig;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import io.lpr.registry.CameraEntry;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.registry.CameraTable;
import io.lpr.db.Database;
import io.lpr.events.EventStore;
import io.lpr.track.EventIds;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * What the server is tested on: events written by the event store, as the job writes them, with the crop of
 * the sample photo's readable plate (B840CK197, box from shared/seed/CONTRACTS.md), and the camera tables.
 */
final class WebFixture {
    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final String HOSTILE = "<script>alert(1)</script>";
    /** Its password must never be served. */
    static final String CAMERA_URL = "rtsp://admin:s3cret@10.0.0.5/stream1";

    /**
     * Part of B840CK197 and a prefix of O459OO97 in the syntax {@code lpr query --plate} takes today (SQL LIKE's
     * %); the server passes them through unchanged, so when that syntax changes, only these change.
     */
    static final String PARTIAL_PLATE = "%840%";
    static final String PLATE_PREFIX = "O459%";

    private WebFixture() {}

    /** The readable plates of the sample photos: the image, its box in the 1920x1080 frame, the text. */
    record Plate(String image, Box box, String text) {}

    static final Plate CAR = new Plate("car.jpg", new Box(232.44186f, 814.19446f, 324.64374f, 841.9125f), "B840CK197");
    /** Boxes the detector finds in kulakov-scene.jpg (1408x1056), in the frame's pixels. */
    static final Plate FRONT = new Plate("kulakov-scene.jpg",
            new Box(394.45093f, 496.40277f, 628.8991f, 578.07245f).scaled(1920 / 1408f, 1080 / 1056f), "O459OO97");
    static final Plate BEHIND = new Plate("kulakov-scene.jpg",
            new Box(1111.8514f, 439.43448f, 1202.1176f, 467.42395f).scaled(1920 / 1408f, 1080 / 1056f), "K095AE177");

    /** gate B840CK197 (oldest), yard O459OO97, gate K095AE177, then an event with hostile text (newest). */
    static List<PlateEvent> events() {
        List<PlateEvent> events = new ArrayList<>();
        PlateEvent car = event("gate", CAR, T0);
        car.runnerUps = new String[] {"B840OK197"};
        car.runnerUpVotes = new int[] {3};
        events.add(car);
        events.add(event("yard", FRONT, T0.plusSeconds(60)));
        events.add(event("gate", BEHIND, T0.plusSeconds(120)));
        events.add(event(HOSTILE, HOSTILE, T0.plusSeconds(180), null));
        return events;
    }

    static PlateEvent event(String camera, Plate plate, Instant firstSeen) {
        PlateEvent e = event(camera, plate.text(), firstSeen, crop(plate));
        e.box = plate.box();
        return e;
    }

    static PlateEvent event(String camera, String plate, Instant firstSeen, byte[] crop) {
        PlateEvent e = new PlateEvent();
        e.cameraId = camera;
        e.plateText = plate;
        e.firstSeen = firstSeen.toEpochMilli();
        e.lastSeen = firstSeen.toEpochMilli() + 2400;
        e.eventId = EventIds.of(camera, e.firstSeen, 0);
        e.frames = 12;
        e.votes = 9;
        e.detectionScore = 0.91f;
        e.textScore = -102.3f;
        e.confidence = 0.87f;
        e.box = CAR.box();
        e.cropJpeg = crop;
        return e;
    }

    /**
     * The snapshot the job makes of the car's frame (the photo resized to 1920x1080, as {@link #crop}), with the
     * job's own encoder and default settings: 1280x720.
     */
    static Snapshot snapshot(Plate plate) {
        try (Mat photo = Images.read(Path.of(System.getProperty("lpr.test.images"), plate.image()));
                Mat frame = Images.resized(photo, 1920, 1080, opencv_imgproc.INTER_LINEAR)) {
            return new FrameSnapshots(SnapshotConfig.DEFAULTS).of(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills a database as the job would: the events (the car's with its snapshot), a camera in the cameras table and
     * both cameras' status, the gate's just written, the yard's stale.
     */
    static void fill(Database db) {
        EventStore.ensureSchema(db);
        List<PlateEvent> events = events();
        events.get(0).snapshot = snapshot(CAR);
        PlateEventStatement.upsert(db, events);
        CameraTable cameras = new CameraTable(db);
        cameras.createIfAbsent();
        cameras.put(CameraEntry.of("gate", CAMERA_URL));
        CameraStatusTable status = new CameraStatusTable(db);
        status.createIfAbsent();
        long now = T0.toEpochMilli();
        // The gate's row as a running job keeps writing it; the yard's last written long ago (stale).
        status.upsert(List.of(new CameraStatus("gate", "connected", null, now, 1234, 1, System.currentTimeMillis()),
                new CameraStatus("yard", "backoff", "connection refused", now, 56, 3, now + 5000)));
    }

    /** The plate cut as the job cuts it: from the frame resized to 1920x1080, the box grown by 20 % of its height. */
    static byte[] crop(Plate plate) {
        try {
            BufferedImage photo = ImageIO.read(Path.of(System.getProperty("lpr.test.images"), plate.image()).toFile());
            BufferedImage frame = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo, 0, 0, 1920, 1080, null);
            g.dispose();
            Box b = plate.box();
            float grow = 0.2f * b.height();
            int x1 = (int) Math.floor(b.x1);
            int y1 = (int) Math.floor(b.y1 - grow);
            BufferedImage crop = frame.getSubimage(x1, y1, (int) Math.ceil(b.x2) - x1, (int) Math.ceil(b.y2 + grow) - y1);
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(crop, "jpg", jpeg);
            return jpeg.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
