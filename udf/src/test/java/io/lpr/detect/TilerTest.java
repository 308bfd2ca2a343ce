package io.lpr.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilerTest {

    @ParameterizedTest
    @CsvSource({"1920, 1080, 640, 0.2", "1920, 1080, 832, 0.2", "1280, 720, 640, 0.0", "1000, 700, 416, 0.5",
        "641, 640, 640, 0.2"})
    void tilesStayInsideAndCoverTheFrameWithTheAskedOverlap(int width, int height, int size, float overlap) {
        List<Tiler.Tile> tiles = Tiler.tiles(width, height, size, overlap);

        boolean[] covered = new boolean[width * height];
        for (Tiler.Tile tile : tiles) {
            assertThat(tile.width()).isEqualTo(Math.min(size, width));
            assertThat(tile.height()).isEqualTo(Math.min(size, height));
            assertThat(tile.x()).isBetween(0, width - tile.width());
            assertThat(tile.y()).isBetween(0, height - tile.height());
            for (int y = tile.y(); y < tile.y() + tile.height(); y++) {
                java.util.Arrays.fill(covered, y * width + tile.x(), y * width + tile.x() + tile.width(), true);
            }
        }
        for (int i = 0; i < covered.length; i++) {
            assertThat(covered[i]).as("pixel %d,%d covered", i % width, i / width).isTrue();
        }
        int[] xs = tiles.stream().mapToInt(Tiler.Tile::x).distinct().sorted().toArray();
        for (int i = 1; i < xs.length; i++) {
            assertThat(xs[i - 1] + size - xs[i]).as("overlap").isGreaterThanOrEqualTo((int) Math.floor(size * overlap));
        }
    }

    @Test
    void aFullHdFrameTakesEightTilesOf640AndSixOf832() {
        assertThat(Tiler.tiles(1920, 1080, 640, 0.2f)).hasSize(8);
        assertThat(Tiler.tiles(1920, 1080, 832, 0.2f)).hasSize(6);
    }

    @Test
    void edgeTilesEndAtTheFrameEdge() {
        List<Tiler.Tile> tiles = Tiler.tiles(1920, 1080, 640, 0.2f);

        assertThat(tiles).first().isEqualTo(new Tiler.Tile(0, 0, 640, 640));
        assertThat(tiles).last().isEqualTo(new Tiler.Tile(1280, 440, 640, 640));
    }

    @Test
    void aFrameSmallerThanTheTileIsOneTile() {
        assertThat(Tiler.tiles(400, 300, 640, 0.2f)).containsExactly(new Tiler.Tile(0, 0, 400, 300));
    }

    @Test
    void aFrameNarrowerThanTheTileGetsTilesCutToItsWidth() {
        assertThat(Tiler.tiles(500, 1080, 640, 0.2f))
                .containsExactly(new Tiler.Tile(0, 0, 500, 640), new Tiler.Tile(0, 440, 500, 640));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Tiler.tiles(0, 10, 640, 0.2f)).hasMessageContaining("0x10");
        assertThatThrownBy(() -> Tiler.tiles(10, 10, 0, 0.2f)).hasMessageContaining("tile size");
        assertThatThrownBy(() -> Tiler.tiles(10, 10, 640, 1f)).hasMessageContaining("overlap");
    }
}
