f'{import os}'
