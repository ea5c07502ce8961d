# Uncaught: exception raised in finally while another is propagating.
def cleanup():
    raise OSError("disk gone")
def job():
    try:
        raise ValueError("job failed")
    finally:
        cleanup()
job()
