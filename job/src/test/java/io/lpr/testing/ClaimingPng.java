package io.lpr.testing;

/** Images that lie about their size: a few bytes whose header asks for gigabytes of pixels. */
public final class ClaimingPng {
    private ClaimingPng() {}

    /** A 65-byte PNG: its header (IHDR) claims {@code width x height} RGB pixels, its data holds a few bytes. */
    public static byte[] of(int width, int height) {
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(65);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0}).array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0});
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void chunk(java.nio.ByteBuffer png, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        png.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data)
                .putInt((int) crc.getValue());
    }
}
