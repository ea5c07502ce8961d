# Richards: an operating-system task scheduler simulation (classes, method calls, attributes).

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.task_list = None
        self.current = None
        self.hold_count = 0
        self.qpkt_count = 0

    def add(self, task):
        self.tasks[task.ident] = task
        task.link = self.task_list
        self.task_list = task

    def find(self, ident):
        return self.tasks[ident]

    def run(self):
        task = self.task_list
        while task is not None:
            if task.state.is_held_or_suspended():
                task = task.link
            else:
                self.current = task
                task = task.run_step()

    def release(self, ident):
        t = self.find(ident)
        t.state.task_holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.state.task_holding = True
        return self.current.link

    def wait(self):
        self.current.state.task_waiting = True
        return self.current

    def queue(self, packet):
        t = self.find(packet.ident)
        self.qpkt_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return t.add_packet(packet, self.current)


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = TaskState()
        self.state.packet_pending = queue is not None
        self.link = None
        sched.add(self)

    def add_packet(self, packet, old):
        if self.queue is None:
            self.queue = packet
            self.state.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return old

    def run_step(self):
        packet = None
        if self.state.is_waiting_with_packet():
            packet = self.queue
            self.queue = packet.link
            self.state.packet_pending = self.queue is not None
            self.state.task_waiting = False
        return self.fn(packet)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue, count):
        Task.__init__(self, sched, ident, priority, queue)
        self.control = 1
        self.count = count

    def fn(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.sched.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.destination = HANDLER_A
        self.count = 0

    def fn(self, packet):
        if packet is None:
            return self.sched.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return self.sched.queue(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def fn(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count >= BUFSIZE:
                self.work_in = work.link
                return self.sched.queue(work)
            if self.device_in is not None:
                dev = self.device_in
                self.device_in = dev.link
                dev.datum = work.data[count]
                work.datum = count + 1
                return self.sched.queue(dev)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.pending = None

    def fn(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            packet = self.pending
            self.pending = None
            return self.sched.queue(packet)
        self.pending = packet
        return self.sched.hold_self()


def run_once(count):
    sched = Scheduler()
    IdleTask(sched, IDLE, 0, None, count)
    wq = Packet(None, WORKER, KIND_WORK)
    wq = Packet(wq, WORKER, KIND_WORK)
    WorkTask(sched, WORKER, 1000, wq)
    wq = Packet(None, DEVICE_A, KIND_DEVICE)
    wq = Packet(wq, DEVICE_A, KIND_DEVICE)
    wq = Packet(wq, DEVICE_A, KIND_DEVICE)
    HandlerTask(sched, HANDLER_A, 2000, wq)
    wq = Packet(None, DEVICE_B, KIND_DEVICE)
    wq = Packet(wq, DEVICE_B, KIND_DEVICE)
    wq = Packet(wq, DEVICE_B, KIND_DEVICE)
    HandlerTask(sched, HANDLER_B, 3000, wq)
    DeviceTask(sched, DEVICE_A, 4000, None)
    DeviceTask(sched, DEVICE_B, 5000, None)
    sched.run()
    return sched.qpkt_count, sched.hold_count


for _ in range(10):
    result = run_once(10000)
print(result)
