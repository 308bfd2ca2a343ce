package io.lpr.source.reader;

import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.fetcher.SplitFetcher;
import org.apache.flink.connector.base.source.reader.fetcher.SplitFetcherManager;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/**
 * One fetcher thread per camera, so a camera that stalls (a slow disk, a dead stream) never
 * delays another. All fetchers share the reader's bounded element queue, which holds back a file
 * camera that decodes faster than the job analyses (live cameras drop frames instead, see
 * {@link LiveStream}).
 */
final class CameraFetcherManager extends SplitFetcherManager<Frame, CameraSplit> {
    private final Map<String, SplitFetcher<Frame, CameraSplit>> fetcherByCamera = new ConcurrentHashMap<>();

    CameraFetcherManager(Supplier<SplitReader<Frame, CameraSplit>> splitReaders, Configuration configuration) {
        super(splitReaders, configuration);
    }

    @Override
    public void addSplits(List<CameraSplit> splits) {
        // Forget the fetchers of cameras that have finished.
        fetcherByCamera.values().removeIf(fetcher -> !fetchers.containsValue(fetcher));
        for (CameraSplit split : splits) {
            SplitFetcher<Frame, CameraSplit> fetcher = createSplitFetcher();
            fetcher.addSplits(List.of(split));
            fetcherByCamera.put(split.splitId(), fetcher);
            startFetcher(fetcher);
        }
    }

    @Override
    public void removeSplits(List<CameraSplit> splits) {
        splits.forEach(split -> stopCamera(split.splitId()));
    }

    /** Stops a camera: its split finishes on its next fetch, and the reader forgets it. Unknown ids are ignored. */
    void stopCamera(String cameraId) {
        SplitFetcher<Frame, CameraSplit> fetcher = fetcherByCamera.remove(cameraId);
        if (fetcher != null) {
            ((CameraSplitReader) fetcher.getSplitReader()).stop();
        }
    }
}
