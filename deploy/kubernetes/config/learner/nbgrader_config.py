# Learners on Kubernetes (JUPYTER_CONFIG_PATH=/etc/ccexercise/config/learner, set by the
# hub's pre-spawn hook in values.yaml). Same as `ccexercise hub` writes on one server.
import os

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "ccexercise"
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.assignment_dir = os.path.expanduser("~/ccexercise/exercises")
c.ExchangeFactory.submit = "ccexercise.hub.exchange.PrivateSubmit"
