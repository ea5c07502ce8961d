import clr
from System.Windows.Forms import Form

form = Form()
form.Text = "Hello, IronPython"
