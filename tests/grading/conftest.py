import sys
from pathlib import Path

# Let the tests in this folder import their helper module `notebooks`.
sys.path.insert(0, str(Path(__file__).parent))
