# asyncio.run with gather and a simple queue-free pipeline.
import asyncio
async def work(name, n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0)
        total += i
    return name, total
async def main():
    res = await asyncio.gather(work("a", 3), work("b", 5), work("c", 0))
    print(res)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    return len(res)
print(asyncio.run(main()))
