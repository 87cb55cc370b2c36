#!/usr/bin/env python3
"""An external HarmonicIO processing unit in Python: upper-cases each payload.

Run by a worker: ./dikw harmonic worker --command "python3 examples/harmonic/upper.py" ...
It speaks the stdio frame of io.dikw.harmonic.processor.StdioProtocol (big-endian):
  request:  tuple id int64 | payload length int32 | payload
  response: tuple id int64 | status int8 (0 output, 1 error) | length int32 | bytes
"""
import struct
import sys


def read_exactly(stream, n):
    data = stream.read(n)
    if len(data) < n:
        return None
    return data


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        head = read_exactly(stdin, 12)
        if head is None:
            return
        tuple_id, length = struct.unpack(">qi", head)
        payload = read_exactly(stdin, length) if length else b""
        if payload is None:
            return
        try:
            output, status = payload.upper(), 0
        except Exception as error:  # report, keep running
            output, status = str(error).encode("utf-8"), 1
        stdout.write(struct.pack(">qbi", tuple_id, status, len(output)))
        stdout.write(output)
        stdout.flush()


if __name__ == "__main__":
    main()
