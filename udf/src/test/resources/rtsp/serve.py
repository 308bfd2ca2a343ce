#!/usr/bin/python3
"""Serves an H.264 clip as a live RTSP stream on 127.0.0.1, looping for ever. For tests.

usage: serve.py PORT MOUNT CLIP [USER PASSWORD]

The clip is demuxed once into H.264 access units; each client gets its own stream (non-shared
media, so it starts at a keyframe) fed through appsrc with timestamps that keep increasing
across loops. (A looping multifilesrc ! tsdemux launch line fails with 503 on seek.)
With USER and PASSWORD, clients must authenticate (HTTP basic), others get 401.
Prints "ready" once the server listens. Needs Debian's python3-gi and gir1.2-gst-rtsp-server-1.0.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

CAPS = "video/x-h264,stream-format=byte-stream,alignment=au"


def demux(clip):
    """The clip's access units as (data, pts, dts, duration) in ns from the first, and the clip's length."""
    pipeline = Gst.parse_launch(
        f'filesrc name=file ! parsebin ! h264parse ! {CAPS} ! appsink name=sink sync=false')
    pipeline.get_by_name("file").set_property("location", clip)
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    units = []
    while True:
        sample = sink.emit("pull-sample")
        if sample is None:
            break
        buf = sample.get_buffer()
        dts = buf.dts if buf.dts != Gst.CLOCK_TIME_NONE else buf.pts
        units.append((buf.extract_dup(0, buf.get_size()), buf.pts, dts, buf.duration))
    pipeline.set_state(Gst.State.NULL)
    if not units:
        sys.exit(f"no H.264 video in {clip}")
    first = min(unit[2] for unit in units)
    units = [(data, pts - first, dts - first, duration) for data, pts, dts, duration in units]
    last_pts, last_duration = max(unit[1] for unit in units), units[-1][3]
    step = last_duration if last_duration != Gst.CLOCK_TIME_NONE else units[1][2] - units[0][2]
    return units, last_pts + step


class LoopingClip(GstRtspServer.RTSPMediaFactory):
    def __init__(self, units, length):
        super().__init__()
        self.units = units
        self.length = length
        self.set_shared(False)
        self.connect("media-configure", self.on_configure)

    def do_create_element(self, url):
        return Gst.parse_launch(
            f"( appsrc name=src is-live=true format=time caps={CAPS} "
            "! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )")

    def on_configure(self, factory, media):
        src = media.get_element().get_by_name_recurse_up("src")
        state = {"next": 0}

        def need_data(appsrc, _length):
            index = state["next"]
            data, pts, dts, duration = self.units[index % len(self.units)]
            loop_start = (index // len(self.units)) * self.length
            buf = Gst.Buffer.new_wrapped(data)
            buf.pts = pts + loop_start
            buf.dts = dts + loop_start
            buf.duration = duration
            state["next"] = index + 1
            appsrc.emit("push-buffer", buf)

        src.connect("need-data", need_data)


def main():
    if len(sys.argv) not in (4, 6):
        sys.exit(__doc__)
    port, mount, clip = sys.argv[1], sys.argv[2], sys.argv[3]
    Gst.init(None)
    units, length = demux(clip)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = LoopingClip(units, length)
    if len(sys.argv) == 6:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "user")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(sys.argv[4], sys.argv[5]), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role("user", "media.factory.access", True)
        permissions.add_permission_for_role("user", "media.factory.construct", True)
        factory.set_permissions(permissions)
    server.get_mount_points().add_factory(mount, factory)
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on 127.0.0.1:{port}")
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
