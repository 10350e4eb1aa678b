"""Measures the Tansu behaviours the lane depends on, with confluent-kafka 2.16.1 (librdkafka 2.16.0).

Not part of CI. Run with Tests/realbroker/probes.sh [PROBE ...]; probes: watermark, aborted, txn-timeout,
txn-offsets, groups, static, leave. Each prints what it measured; numbers are from one run on a noisy machine.
"""
import logging
import os
import subprocess
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

B = os.environ["KOLBOT_TEST_BROKERS"]
admin = AdminClient({"bootstrap.servers": B})


def topic(name, partitions=1):
    t = "%s-%d" % (name, time.time() * 1000)
    admin.create_topics([NewTopic(t, partitions)])[t].result()
    return t


def read(t, partitions=1, iso="read_committed", seconds=2.0):
    r = Consumer({"bootstrap.servers": B, "group.id": "probe-reader", "isolation.level": iso, "enable.auto.commit": False})
    r.assign([TopicPartition(t, p, 0) for p in range(partitions)])
    values, end = [], time.time() + seconds
    while time.time() < end:
        m = r.poll(0.2)
        if m and not m.error():
            values.append(m.value().decode())
    marks = [r.get_watermark_offsets(TopicPartition(t, p), timeout=5) for p in range(partitions)]
    r.close()
    return values, marks


def watermark():
    t = topic("hw")
    for idem in (True, False):
        p = Producer({"bootstrap.servers": B, "enable.idempotence": idem, "linger.ms": 100})
        for i in range(10):
            p.produce(t, value=b"v%d" % i, partition=0)
        p.flush()
        values, marks = read(t, iso="read_uncommitted", seconds=1)
        print("watermark: idempotence=%s, %d records fetched, high watermark %d" % (idem, len(values), marks[0][1]))


def aborted():
    t = topic("aborted")
    p = Producer({"bootstrap.servers": B, "transactional.id": t})
    p.init_transactions(10)
    for kind in ("committed", "aborted"):
        p.begin_transaction()
        for i in range(3):
            p.produce(t, value=b"%s-%d" % (kind.encode(), i), partition=0)
        p.flush()
        p.commit_transaction(10) if kind == "committed" else p.abort_transaction(10)
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    log = logging.getLogger("probe-aborted")
    log.addHandler(Collect())
    log.setLevel(logging.DEBUG)
    r = Consumer({"bootstrap.servers": B, "group.id": "probe-reader", "isolation.level": "read_committed", "debug": "fetch,msg"}, logger=log)
    r.assign([TopicPartition(t, 0, 0)])
    end = time.time() + 2
    while time.time() < end:
        r.poll(0.2)
    r.close()
    print("aborted: librdkafka says:", [l.split("]: ", 1)[-1] for l in lines if "abort txn ctrl msg" in l][:1])
    p.begin_transaction()
    p.produce(t, value=b"open-0", partition=0)
    p.flush()
    values, _ = read(t)
    print("aborted: with one transaction committed, one aborted, one open, read_committed sees %s" % values)


def txn_timeout():
    t = topic("txn-timeout")
    if os.fork() == 0:
        p = Producer({"bootstrap.servers": B, "transactional.id": t, "transaction.timeout.ms": 5000})
        p.init_transactions(10)
        p.begin_transaction()
        p.produce(t, value=b"open", partition=0)
        p.flush()
        os._exit(0)  # dies with its transaction open
    os.wait()
    plain = Producer({"bootstrap.servers": B})
    plain.produce(t, value=b"plain", partition=0)
    plain.flush()
    values, _ = read(t, seconds=20)
    print("txn-timeout: transaction.timeout.ms=5000, producer dead with its transaction open, a plain record after it;"
          " in the next 20 s read_committed sees %s" % values)


def consumer(t, group, extra=None):
    c = Consumer(dict({"bootstrap.servers": B, "group.id": group, "enable.auto.commit": False, "session.timeout.ms": 6000,
                       "heartbeat.interval.ms": 500}, **(extra or {})))
    c.subscribe([t])
    return c


def poll_until(consumers, done, limit=30):
    """Polls every consumer until done() or `limit` seconds; returns the seconds it took."""
    start = time.time()
    while time.time() - start < limit and not done():
        for c in consumers:
            c.poll(0.05)
    return time.time() - start


def member(t, group, extra=None):
    c = consumer(t, group, extra)
    return c, poll_until([c], lambda: c.assignment())


def txn_offsets():
    t = topic("txn-offsets", 2)
    g = t + "-group"
    c1, _ = member(t, g)
    stale = c1.consumer_group_metadata()
    c1.close()
    c2, _ = member(t, g)
    p = Producer({"bootstrap.servers": B, "transactional.id": t})
    p.init_transactions(10)
    try:
        p.begin_transaction()
        p.produce(t, value=b"x", partition=1)
        p.send_offsets_to_transaction([TopicPartition(t, 0, 5)], stale, 10)
        p.commit_transaction(10)
        print("txn-offsets: offsets sent with a left member's group metadata: accepted, committed now",
              c2.committed([TopicPartition(t, 0)], timeout=5)[0].offset)
    except KafkaException as e:
        print("txn-offsets: stale group metadata refused:", e.args[0].name())
    for off in (6, 7):
        p.begin_transaction()
        p.send_offsets_to_transaction([TopicPartition(t, 0, off)], c2.consumer_group_metadata(), 10)
        p.commit_transaction(10)
        print("txn-offsets: offsets-only transaction of offset %d committed; committed now %d"
              % (off, c2.committed([TopicPartition(t, 0)], timeout=5)[0].offset))
    c2.close()


def groups(static=False):
    """First join; a second member; the second killed (-9); with static membership, the second restarted."""
    t = topic("groups", 6)
    g = t + "-group"
    label = "static" if static else "groups"
    parts = lambda c: sorted(x.partition for x in c.assignment())
    a = consumer(t, g, {"group.instance.id": "a"} if static else None)
    took = poll_until([a], lambda: a.assignment())
    print("%s: first member assigned %s after %.1f s" % (label, parts(a), took))
    child = subprocess.Popen([sys.executable, __file__, "member", t, g, "b" if static else ""])
    took = poll_until([a], lambda: 0 < len(a.assignment()) < 6)
    print("%s: a second member started; the first has %s after %.1f s" % (label, parts(a), took))
    poll_until([a], lambda: False, 3)
    child.kill()
    child.wait()
    took = poll_until([a], lambda: len(a.assignment()) == 6, 40)
    print("%s: the second member killed (-9); the first has %s after %.1f s" % (label, parts(a), took))
    if static:
        b = consumer(t, g, {"group.instance.id": "b"})
        took = poll_until([a, b], lambda: b.assignment(), 30)
        print("%s: restarted with the same group.instance.id: assigned %s after %.1f s (the first has %s)" % (label, parts(b), took, parts(a)))
        b.close()
    a.close()


def leave():
    """A member leaves (close) while a rebalance for a new member's join is in progress."""
    for delay in (0.0, 0.3, 1.0):
        t = topic("leave", 6)
        g = t + "-group"
        a = consumer(t, g)
        poll_until([a], lambda: a.assignment())
        b = consumer(t, g)
        poll_until([a, b], lambda: False, delay)
        a.close()
        took = poll_until([b], lambda: len(b.assignment()) == 6, 40)
        print("leave: the first member leaves %.1f s after a second subscribes; the second has %d partitions after %.1f s"
              % (delay, len(b.assignment()), took))
        b.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["member"]:
        c = consumer(sys.argv[2], sys.argv[3], {"group.instance.id": sys.argv[4]} if sys.argv[4] else None)
        while True:
            c.poll(0.1)
    probes = {"watermark": watermark, "aborted": aborted, "txn-timeout": txn_timeout, "txn-offsets": txn_offsets,
              "groups": groups, "static": lambda: groups(static=True), "leave": leave}
    for name in sys.argv[1:] or list(probes):
        probes[name]()
