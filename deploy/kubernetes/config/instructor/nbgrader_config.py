# The instructor on Kubernetes (JUPYTER_CONFIG_PATH=/etc/ccexercise/config/instructor).
# The course (with solutions) is cloned into ~/ccexercise by the instructor; the
# gradebook is PostgreSQL when NBGRADER_DB_URL is set (see README.md here).
import os

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "ccexercise"
c.CourseDirectory.root = os.path.expanduser("~/ccexercise")
c.CourseDirectory.groupshared = True   # the exchange's folders belong to the instructors' group
c.Exchange.root = "/srv/nbgrader/exchange"
if os.environ.get("NBGRADER_DB_URL"):
    c.CourseDirectory.db_url = os.environ["NBGRADER_DB_URL"]
